import type { Locale } from '../analysis/types.js';

/** The fixed wording of a version comparison, per language. */
export interface CompareWords {
  none: string;
  yes: string;
  no: string;
  anyone: string;
  list(items: readonly string[]): string;
  quote(name: string): string;
  arrow(before: string, after: string): string;
  hours(h: string): string;
  sla(hours: string, escalate: string | undefined): string;
  edge(from: string, to: string, label: string | undefined): string;
  added(subject: string, name: string): string;
  removed(subject: string, name: string): string;
  changed(property: string, owner: string, before: string, after: string): string;
  subject: Record<'flow' | 'step' | 'edge' | 'control' | 'window' | 'data' | 'role', string>;
  kind: Record<string, string>;
  prop: Record<string, string>;
  access: Record<'edit' | 'view' | 'none', string>;
  accessAt(role: string, step: string): string;
  fieldsArrow(fields: string, arrow: string): string;
  colon: string;
  sep: string;
  comma: string;
  paren(s: string): string;
  /** Per-role summary lines. */
  roleGains(step: string): string;
  roleLoses(step: string): string;
  roleAccess(fields: string, step: string, arrow: string): string;
  roleStart(can: boolean): string;
  roleEscalation(step: string, now: boolean): string;
  roleNotified(control: string, now: boolean): string;
  roleStepChanged(step: string, props: string): string;
}

const en: CompareWords = {
  none: 'none',
  yes: 'yes',
  no: 'no',
  anyone: 'anyone',
  list: (items) => (items.length ? items.join(', ') : 'none'),
  quote: (n) => `'${n}'`,
  arrow: (b, a) => `${b} → ${a}`,
  hours: (h) => (/^\d+(\.\d+)?$/.test(h) ? `${h} h` : `${h} hours`),
  sla: (h, esc) => (esc ? `${h}, escalate to ${esc}` : h),
  edge: (f, t, l) => `'${f}' → '${t}'${l ? ` (${l})` : ''}`,
  added: (s, n) => `${s} ${n} added`,
  removed: (s, n) => `${s} ${n} removed`,
  changed: (p, o, b, a) => `${p} of ${o}: ${b} → ${a}`,
  subject: { flow: 'Flow', step: 'Step', edge: 'Connection', control: 'Control point', window: 'Window', data: 'Data variable', role: 'Role' },
  kind: { start: 'start', end: 'end', task: 'task', decision: 'decision', parallel: 'parallel split', join: 'join', wait: 'wait', system: 'automatic step', subflow: 'sub-flow', alert: 'alert', gate: 'gate' },
  prop: {
    name: 'Name', description: 'Description', department: 'Department', roles: 'Roles', window: 'Window', record: 'Record', fields: 'Extra fields',
    required: 'Required fields', mandatory: 'Mandatory', sla: 'SLA', notSameActorAs: 'Not the same person as', question: 'Question',
    outcome: 'Outcome', until: 'Wait until', timer: 'Timer', assign: 'Assignments', alert: 'Alert', flow: 'Sub-flow', version: 'Version',
    input: 'Inputs', output: 'Outputs', notes: 'Notes', kind: 'Kind', source: 'From', target: 'To', guard: 'Condition', default: 'Default branch',
    label: 'Label', recordLink: 'Record link', when: 'When', message: 'Message', notify: 'Notifies', blocks: 'Blocks', severity: 'Severity',
    type: 'Type', entity: 'Entity', options: 'Options', itemFields: 'Item fields', access: 'Access', fieldAccess: 'Field access',
    recordFilter: 'Record-display condition', startRoles: 'Who may start',
  },
  access: { edit: 'edit', view: 'view', none: 'no access' },
  accessAt: (r, s) => `Access of ${r} at ${s}`,
  fieldsArrow: (f, a) => `${f} ${a}`,
  colon: ': ',
  sep: '; ',
  comma: ', ',
  paren: (s) => ` (${s})`,
  roleGains: (s) => `now works on ${s}`,
  roleLoses: (s) => `no longer works on ${s}`,
  roleAccess: (f, s, a) => `${f} at ${s}: ${a}`,
  roleStart: (can) => (can ? 'may now start the flow' : 'may no longer start the flow'),
  roleEscalation: (s, now) => (now ? `is now alerted when ${s} is late` : `is no longer alerted when ${s} is late`),
  roleNotified: (c, now) => (now ? `is now notified by ${c}` : `is no longer notified by ${c}`),
  roleStepChanged: (s, p) => `${s} changes: ${p}`,
};

const zh: CompareWords = {
  none: '无',
  yes: '是',
  no: '否',
  anyone: '任何人',
  list: (items) => (items.length ? items.join('、') : '无'),
  quote: (n) => `「${n}」`,
  arrow: (b, a) => `${b} → ${a}`,
  hours: (h) => `${h}小时`,
  sla: (h, esc) => (esc ? `${h}，超时上报${esc}` : h),
  edge: (f, t, l) => `「${f}」→「${t}」${l ? `（${l}）` : ''}`,
  added: (s, n) => `新增${s}${n}`,
  removed: (s, n) => `删除${s}${n}`,
  changed: (p, o, b, a) => `${o}的${p}：${b} → ${a}`,
  subject: { flow: '流程', step: '步骤', edge: '连线', control: '控制点', window: '窗口', data: '数据变量', role: '角色' },
  kind: { start: '开始', end: '结束', task: '任务', decision: '判断', parallel: '并行分支', join: '汇合', wait: '等待', system: '自动步骤', subflow: '子流程', alert: '提醒', gate: '闸门' },
  prop: {
    name: '名称', description: '说明', department: '部门', roles: '角色', window: '窗口', record: '记录', fields: '额外字段',
    required: '必填字段', mandatory: '必经', sla: '时限', notSameActorAs: '不得与以下步骤同一人', question: '问题',
    outcome: '结果', until: '等待条件', timer: '定时', assign: '赋值', alert: '提醒', flow: '子流程', version: '版本',
    input: '输入', output: '输出', notes: '备注', kind: '类型', source: '起点', target: '终点', guard: '条件', default: '默认分支',
    label: '标签', recordLink: '记录关联', when: '触发条件', message: '消息', notify: '通知', blocks: '阻止', severity: '级别',
    type: '类型', entity: '实体', options: '选项', itemFields: '明细字段', access: '权限', fieldAccess: '字段权限',
    recordFilter: '记录显示条件', startRoles: '可发起角色',
  },
  access: { edit: '编辑', view: '查看', none: '无权限' },
  accessAt: (r, s) => `${r}在${s}的权限`,
  fieldsArrow: (f, a) => `${f}${a}`,
  colon: '：',
  sep: '；',
  comma: '，',
  paren: (s) => `（${s}）`,
  roleGains: (s) => `新增负责${s}`,
  roleLoses: (s) => `不再负责${s}`,
  roleAccess: (f, s, a) => `${s}中的${f}：${a}`,
  roleStart: (can) => (can ? '现在可以发起此流程' : '不再可以发起此流程'),
  roleEscalation: (s, now) => (now ? `${s}超时时将收到提醒` : `${s}超时时不再收到提醒`),
  roleNotified: (c, now) => (now ? `将收到${c}的通知` : `不再收到${c}的通知`),
  roleStepChanged: (s, p) => `${s}有变化：${p}`,
};

/** Comparison wording by locale. */
export const COMPARE_WORDS: Record<Locale, CompareWords> = { en, zh };
