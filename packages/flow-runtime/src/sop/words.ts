import type { Locale } from '../analysis/types.js';

/** The fixed wording of an SOP, per language. */
export interface SopWords {
  title(name: string): string;
  version(v: number, id: string): string;
  purpose: string;
  defaultPurpose(name: string, first: string, outcomes: string): string;
  rolesAndDepartments: string;
  table: [string, string, string];
  startedBy(roles: string): string;
  steps: string;
  who: string;
  window: string;
  canChange: string;
  canSee: string;
  required: string;
  mandatory: string;
  mandatoryText: string;
  sla: string;
  /** `hours` carries its unit; `conditional` when it depends on the case (`4 hours if …, otherwise 24 hours`). */
  slaText(hours: string, escalate: string | undefined, conditional: boolean): string;
  notSame: string;
  notSameText(steps: string): string;
  blocked: string;
  next: string;
  goTo(step: string): string;
  finish(outcome: string): string;
  ifThen(cond: string, label: string | undefined, target: string): string;
  otherwise(label: string | undefined, target: string): string;
  handoff(from: string, to: string): string;
  decision: string;
  automatic: string;
  sets(target: string, value: string): string;
  /** `increases the order's amount paid by the payment's amount`: a running total grows (target first, so a trailing clause of the amount stays at the end). */
  adds(target: string, amount: string): string;
  /** `the payment is linked to the order and the customer`. */
  linked(subject: string, to: string): string;
  /** A new record of this kind is started (when `cond` holds). */
  newRecord(record: string, cond: string | undefined): string;
  /** One record variable set to another record. */
  sameRecord(record: string, from: string): string;
  /** An automatic step whose assignments are all bookkeeping. */
  bookkeeping: string;
  attention: string;
  notifiesNobody: string;
  alerts(roles: string, message: string): string;
  waits: string;
  waitUntil(cond: string): string;
  waitTimer(hours: string, conditional: boolean): string;
  waitUntilOrTimer(cond: string, hours: string, conditional: boolean): string;
  runsFlow(name: string): string;
  parallel(steps: string): string;
  join(steps: string): string;
  controlPoints: string;
  alertControl(name: string, cond: string, roles: string, message: string): string;
  gateControl(name: string, steps: string, cond: string, message: string): string;
  outcomes: string;
  outcomeLine(name: string, outcome: string | undefined, from: string): string;
  notes: string;
  clarity: string;
  /** The clarity figures in plain words, for readers who do not know the terms. */
  clarityHelp: string;
  nobody: string;
  and: string;
  step(n: number): string;
  /** A numbered step with its name: `step 2 “Enter order”`, `步骤2“录入订单”`. */
  stepRef(n: number, name: string): string;
  colon: string;
  /** The colon before a phrase: `: ` in English, `：` in Chinese (no space after a full-width colon). */
  colonSp: string;
  paren(s: string): string;
}

const en: SopWords = {
  linked: (s, to) => `the ${s.replace(/^the /, '')} is linked to ${to}`,
  newRecord: (r, c) => (c ? `a new ${r} record is started if ${c}; the earlier one is kept` : `a new ${r} record is started`),
  sameRecord: (r, f) => `the ${r} is the ${f}`,
  bookkeeping: 'internal bookkeeping only; nothing for you to do.',
  attention: 'Attention',
  notifiesNobody: 'despite its name, this step notifies nobody — agree who tells the people concerned (see the lint warning notify-nobody).',
  title: (name) => `# ${name} — standard operating procedure`,
  version: (v, id) => `_Flow \`${id}\`, version ${v}._`,
  purpose: '## Purpose',
  defaultPurpose: (name, first, outcomes) => `This procedure describes how to carry out “${name}”, from ${first} to ${outcomes}. Follow the steps in order; the system will not let later work go ahead before the earlier steps are done.`,
  rolesAndDepartments: '## Roles and departments',
  table: ['Department', 'Roles', 'Steps'],
  startedBy: (roles) => `The process is started by: ${roles}.`,
  steps: '## Steps',
  who: 'Who',
  window: 'Window',
  canChange: 'you can change',
  canSee: 'you can see',
  required: 'Required before completing',
  mandatory: 'Mandatory',
  mandatoryText: 'this step may not be skipped.',
  sla: 'Time limit',
  slaText: (h, esc) => `within ${h}${esc ? `; when late, ${esc} is alerted` : ''}.`,
  notSame: 'Separation of duties',
  notSameText: (steps) => `must not be done by the person who did ${steps}.`,
  blocked: 'Cannot be completed while',
  next: 'Next',
  goTo: (s) => `go to ${s}`,
  finish: (o) => `the process ends (${o})`,
  ifThen: (c, l, t) => `if ${c}${l ? ` (“${l}”)` : ''}: ${t}`,
  otherwise: (l, t) => `otherwise${l ? ` (“${l}”)` : ''}: ${t}`,
  handoff: (a, b) => `> **Hand-off:** ${a} → ${b}`,
  decision: 'Decision',
  automatic: 'Automatic step (the system does it)',
  sets: (t, v) => `sets ${t} to ${v}`,
  adds: (t, a) => `increases ${t} by ${a}`,
  alerts: (r, m) => `alerts ${r}: “${m}”`,
  waits: 'Waiting',
  waitUntil: (c) => `the process waits until ${c}.`,
  waitTimer: (h) => `the process waits ${h}.`,
  waitUntilOrTimer: (c, h) => `the process waits until ${c}, or at most ${h}.`,
  runsFlow: (name) => `runs the flow “${name}” and continues when it has finished.`,
  parallel: (steps) => `${steps} are done at the same time, each by its own people.`,
  join: (steps) => `continue only when ${steps} are all done.`,
  controlPoints: '## Control points',
  alertControl: (n, c, r, m) => `- **${n}** (alert): when ${c}, ${r} ${r.includes(' and ') || r.includes(', ') ? 'are' : 'is'} told: “${m}”`,
  gateControl: (n, s, c, m) => `- **${n}** (gate): ${s} cannot be completed while ${c}: “${m}”`,
  outcomes: '## Outcomes',
  outcomeLine: (n, o, from) => `- **${n}**${o ? ` (\`${o}\`)` : ''}, reached from ${from}.`,
  notes: '## Open questions and notes',
  clarity: '## How clear is this procedure',
  clarityHelp:
    '_How to read these figures: a step is one box a case passes through; a hand-off is the work moving to another department; a path is one of the different ways a case can go from start to end; a jump back is a loop or rework. The complexity figure counts how many separate ways through the procedure there are: up to 6 is easy to follow, 7–12 takes some care, above 12 is hard to follow and worth simplifying._',
  nobody: 'nobody in particular',
  and: 'and',
  step: (n) => `step ${n}`,
  stepRef: (n, name) => `step ${n} “${name}”`,
  colon: ':',
  colonSp: ': ',
  paren: (x) => ` (${x})`,
};

const zh: SopWords = {
  linked: (s, to) => `${s}关联到${to}`,
  newRecord: (r, c) => (c ? `如果${c}，则新建一条${r}记录，之前的保留不变` : `新建一条${r}记录`),
  sameRecord: (r, f) => `${r}取自${f}`,
  bookkeeping: '仅系统内部记账，无需人工处理。',
  attention: '注意',
  notifiesNobody: '该步骤名为通知，实际上不会通知任何人——请明确由谁通知相关人员（参见检查警告 notify-nobody）。',
  title: (name) => `# ${name} — 标准作业程序`,
  version: (v, id) => `_流程 \`${id}\`，第${v}版。_`,
  purpose: '## 目的',
  defaultPurpose: (name, first, outcomes) => `本程序说明如何完成“${name}”，从${first}开始，到${outcomes}结束。请按顺序执行各步骤；前面的步骤未完成时，系统不允许进行后续工作。`,
  rolesAndDepartments: '## 角色与部门',
  table: ['部门', '角色', '步骤'],
  startedBy: (roles) => `流程由以下角色发起：${roles}。`,
  steps: '## 步骤',
  who: '执行人',
  window: '窗口',
  canChange: '可修改',
  canSee: '可查看',
  required: '完成前必须填写',
  mandatory: '必经步骤',
  mandatoryText: '此步骤不可跳过。',
  sla: '时限',
  slaText: (h, esc, cond) => `${cond ? h : `${h}内完成`}${esc ? `；超时将提醒${esc}` : ''}。`,
  notSame: '职责分离',
  notSameText: (steps) => `不得由完成${steps}的人执行。`,
  blocked: '以下情况下不能完成',
  next: '下一步',
  goTo: (s) => `转到${s}`,
  finish: (o) => `流程结束（${o}）`,
  // The branch's label first, in 【】, so it does not pile up with the condition's own parentheses.
  ifThen: (c, l, t) => `${l ? `【${l}】` : ''}如果${c}：${t}`,
  otherwise: (l, t) => `${l ? `【${l}】` : ''}否则：${t}`,
  handoff: (a, b) => `> **交接：** ${a} → ${b}`,
  decision: '判断',
  automatic: '自动步骤（由系统完成）',
  sets: (t, v) => `将${t}设为${v}`,
  adds: (t, a) => `将${t}增加${a}`,
  alerts: (r, m) => `提醒${r}：“${m}”`,
  waits: '等待',
  waitUntil: (c) => `流程等待，直到${c}。`,
  waitTimer: (h, cond) => (cond ? `流程等待的时长：${h}。` : `流程等待${h}。`),
  waitUntilOrTimer: (c, h, cond) => `流程等待，直到${c}，最多等待${cond ? `（${h}）` : h}。`,
  runsFlow: (name) => `运行流程“${name}”，完成后继续。`,
  parallel: (steps) => `${steps}同时进行，由各自的人员负责。`,
  join: (steps) => `${steps}全部完成后才能继续。`,
  controlPoints: '## 控制点',
  alertControl: (n, c, r, m) => `- **${n}**（提醒）：当${c}时，通知${r}：“${m}”`,
  gateControl: (n, s, c, m) => `- **${n}**（拦截）：当${c}时，${s}不能完成：“${m}”`,
  outcomes: '## 结果',
  outcomeLine: (n, o, from) => `- **${n}**${o ? `（\`${o}\`）` : ''}，由${from}到达。`,
  notes: '## 待定问题与备注',
  clarity: '## 流程清晰度',
  clarityHelp:
    '_如何理解这些数字：步骤是一件业务经过的每一个环节；交接是工作转到另一个部门；路径是一件业务从开始到结束可能走的不同路线；回跳是循环或返工。圈复杂度表示流程中相互独立的走法有几条：6及以下容易理解，7–12需要留意，超过12则难以掌握，建议简化。_',
  nobody: '未指定',
  and: '和',
  step: (n) => `步骤${n}`,
  stepRef: (n, name) => `步骤${n}“${name}”`,
  colon: '：',
  colonSp: '：',
  paren: (x) => `（${x}）`,
};

export const SOP_WORDS: Record<Locale, SopWords> = { en, zh };
