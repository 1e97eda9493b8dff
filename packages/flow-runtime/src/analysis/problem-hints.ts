import type { ProblemCode } from '../schema/problems.js';
import type { Text } from './types.js';

/** What to do about each format problem, in every language the analysis speaks. */
export const PROBLEM_HINTS: Readonly<Record<ProblemCode, Text>> = {
  FLOW_E001: { en: 'Fix the JSON syntax at the place named.', zh: '请修正所指位置的 JSON 语法。' },
  FLOW_E002: { en: 'Split the definition or remove what it does not need.', zh: '请拆分定义，或删除不需要的内容。' },
  FLOW_E003: { en: 'Flatten the nesting; definitions are never that deep.', zh: '请减少嵌套层数；正常的定义不会这么深。' },
  FLOW_E010: { en: 'Add the missing property.', zh: '请补上缺少的属性。' },
  FLOW_E011: { en: 'Give the value the type the format expects.', zh: '请使用格式要求的类型。' },
  FLOW_E012: { en: 'Remove the property, or check its spelling.', zh: '请删除该属性，或检查拼写。' },
  FLOW_E013: { en: 'Use one of the allowed values.', zh: '请使用允许的取值。' },
  FLOW_E014: { en: 'Shorten or complete the text or list.', zh: '请缩短或补全该文本或列表。' },
  FLOW_E015: { en: 'Use one of the node kinds the format knows.', zh: '请使用格式支持的步骤类型。' },
  FLOW_E016: { en: 'Rename the key.', zh: '请重命名该键。' },
  FLOW_E017: { en: 'Delete the character; it is usually left over from copying or from a broken export.', zh: '请删除该字符；它通常是复制粘贴或导出出错时带入的。' },
  FLOW_E020: { en: 'Give each one its own id.', zh: '为每一个设置不同的 id。' },
  FLOW_E021: { en: 'Reconnect it to an existing step or delete it.', zh: '将其连到已有步骤，或删除它。' },
  FLOW_E022: { en: "Pick one of the catalog's departments.", zh: '请选择目录中的部门。' },
  FLOW_E023: { en: "Pick one of the catalog's roles.", zh: '请选择目录中的角色。' },
  FLOW_E024: { en: "Pick one of the catalog's windows.", zh: '请选择目录中的窗口。' },
  FLOW_E025: { en: "Pick one of the catalog's entities.", zh: '请选择目录中的实体。' },
  FLOW_E026: { en: 'Pick a field that exists, as the catalog spells it.', zh: '请选择存在的字段，拼写须与目录一致。' },
  FLOW_E027: { en: "Pick a variable of the flow's data, or add it to the data schema.", zh: '请选择流程数据中的变量，或把它加入数据结构。' },
  FLOW_E028: { en: "Say which record the window opens with 'record', or add a record variable of that entity.", zh: '请用“record”指明窗口打开哪条记录，或添加该实体的记录变量。' },
  FLOW_E029: { en: 'Check the flow against the catalog it was written for, or update its catalog id.', zh: '请用流程所对应的目录检查，或更新流程的目录 id。' },
  FLOW_E030: { en: 'Use an operator the rule policy allows.', zh: '请使用规则策略允许的运算符。' },
  FLOW_E031: { en: 'Read a data field instead.', zh: '请改为读取数据字段。' },
  FLOW_E032: { en: 'Simplify the condition.', zh: '请简化该条件。' },
  FLOW_E033: { en: 'Simplify the condition or split it.', zh: '请简化或拆分该条件。' },
  FLOW_E034: { en: 'Rebuild the condition in the condition editor.', zh: '请在条件编辑器中重新设置该条件。' },
  FLOW_E035: { en: 'Use an operator the rule policy knows.', zh: '请使用规则策略支持的运算符。' },
  FLOW_E040: { en: "Make the field's limits fit its type and leave some value possible (min ≤ max, a pattern that compiles and stays fast on the longest text maxLength allows).", zh: '请让字段的限制与其类型相符，并留有可取的值（最小值 ≤ 最大值、格式能够编译，且在 maxLength 允许的最长文本上也能很快检查完）。' },
};
