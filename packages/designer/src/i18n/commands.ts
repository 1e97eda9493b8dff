import type { Locale, Translate } from './index.js';

/** Chinese names of undo steps (commands are named in English where they are made). */
const ZH: Record<string, string> = {
  'Add lane': '添加泳道',
  'Auto-layout': '自动布局',
  'Connect steps': '连接步骤',
  'Reorder lanes': '调整泳道顺序',
  'Move step': '移动步骤',
  'Paste step': '粘贴步骤',
  'Delete step': '删除步骤',
  'Delete connection': '删除连线',
  'Delete connections': '删除连线',
  'Remove lane': '删除泳道',
  'Remove variable': '删除变量',
  'Import flow': '导入流程',
  'Start from template': '从模板开始',
  'Resize lane': '调整泳道高度',
  'Rename variable': '重命名变量',
  'Change variable': '修改变量',
  'Change connection': '修改连线',
  'Change flow': '修改流程',
  'Change step': '修改步骤',
  'Change department': '修改部门',
  Edit: '编辑',
  'Add window': '新建窗口',
  'Remove window': '删除窗口',
  'Rename window': '重命名窗口',
  'Set window access': '设置窗口权限',
  'Set field access': '设置字段权限',
  'Set record-display condition': '设置记录显示条件',
  'Show field': '显示字段',
  'Hide field': '隐藏字段',
  'Require field': '设为必填',
  'Do not require field': '取消必填',
};

/**
 * The name of an undo step in the UI language: "Auto-layout" → "自动布局",
 * "Move 3 steps" → "移动 3 个步骤", "Add task" → "添加任务". Names it does
 * not know stay as they are.
 */
export function commandLabel(name: string | undefined, locale: Locale, t: Translate): string | undefined {
  if (name === undefined || locale !== 'zh') return name;
  const known = ZH[name];
  if (known) return known;
  const many = /^(Move|Paste|Delete) (\d+) steps$/.exec(name);
  if (many) return `${{ Move: '移动', Paste: '粘贴', Delete: '删除' }[many[1] as 'Move' | 'Paste' | 'Delete']} ${many[2]} 个步骤`;
  const add = /^Add (start|end|task|decision|parallel|join|wait|system|subflow)$/.exec(name);
  if (add) return `添加${t(`kind.${add[1] as 'task'}`)}`;
  return name;
}
