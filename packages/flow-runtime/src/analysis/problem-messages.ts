/**
 * Format problems in Chinese. The parser (shared with the engine, which has a
 * tight size budget) writes each problem's message in English only; this
 * table, on the analysis side, reads those messages back by their templates
 * and says the same in Chinese, names and ids kept. A message no template
 * reads (a new one) falls back to the code's general meaning, never to
 * English.
 */
import type { Problem } from '../schema/problems.js';
import { formatEngineText } from '../engine/texts/format.js';
import { PROBLEM_TEXTS } from '../engine/texts/problems.js';
import type { Flow } from '../schema/flow.js';
import type { Locale } from './types.js';


/** Raised inside the templates when a part of a message is not one they know. */
class NoMatch extends Error {}
const fail = (): never => {
  throw new NoMatch();
};

const q = (s: string) => `“${s}”`;

const THINGS: Record<string, string> = {
  Node: '步骤',
  Edge: '连线',
  Control: '控制点',
  Variable: '变量',
  Window: '窗口',
  Role: '角色',
  Department: '部门',
  Entity: '实体',
  Field: '字段',
};

/** The Chinese names of a flow's steps, connections and control points, by kind and id, while one message is read. */
let names: ((thing: string, id: string) => string | undefined) | undefined;

/** Names a step, connection or control point of `flow` in Chinese (falling back to English), or nothing. */
function namesOf(flow: Flow): (thing: string, id: string) => string | undefined {
  return (thing, id) => {
    const text = thing === 'Node' ? flow.nodes.find((n) => n.id === id)?.name : thing === 'Edge' ? flow.edges.find((e) => e.id === id)?.label : thing === 'Control' ? flow.controls?.find((c) => c.id === id)?.name : undefined;
    return text ? (text.zh ?? text.en) : undefined;
  };
}

/** "Node 'credit-check'" → 步骤“credit-check”, or 步骤“信用审核”（credit-check） when the flow is known. */
function subject(s: string): string {
  if (s === 'The flow') return '流程';
  if (s === 'The layout') return '流程布局';
  if (s === 'The catalog') return '目录';
  const m = /^(\w+) (?:'(.*)'|#(\d+))$/.exec(s);
  const thing = m ? THINGS[m[1]!] : undefined;
  if (!m || !thing) return fail();
  if (m[2] === undefined) return `第 ${m[3]} 个${thing}`;
  const name = names?.(m[1]!, m[2]);
  return name && name !== m[2] ? `${thing}${q(name)}（${m[2]}）` : `${thing}${q(m[2])}`;
}

const WHERE_SUFFIXES: ReadonlyArray<[string, string]> = [
  ['record-display condition', '的记录显示条件'],
  ['constraint rule', '的约束规则'],
  ['separation of duties', '的职责分离设置'],
  ['SLA escalation', '的超时上报对象'],
  ['SLA hours', '的时限（小时）'],
  ['wait condition', '的等待条件'],
  ['record link', '的记录关联'],
  ['assignment', '的赋值'],
  ['condition', '的条件'],
  ['requires', '的必填项'],
  ['notify', '的通知对象'],
  ['output', '的输出'],
  ['timer', '的计时器'],
  ['guard', '的条件'],
  ['alert', '的提醒对象'],
  ['edits', '编辑的字段'],
  ['roles', '的角色'],
  ['gate', '拦截的步骤'],
];

/** Where a reference or rule stands: "Node 'x' SLA hours" → 步骤“x”的时限（小时）. */
function where(s: string): string {
  const named = /^(.+?) (assignment to|input|output) '(.*)'$/.exec(s);
  if (named) {
    const of = subject(named[1]!);
    return named[2] === 'assignment to' ? `${of}对${q(named[3]!)}的赋值` : `${of}的${named[2] === 'input' ? '输入' : '输出'}${q(named[3]!)}`;
  }
  for (const [en, zh] of WHERE_SUFFIXES) if (s.endsWith(` ${en}`)) return subject(s.slice(0, -en.length - 1)) + zh;
  return subject(s);
}

/** A value as describeValue wrote it. */
function value(s: string): string {
  if (s === 'missing') return '缺失';
  if (s === 'a list') return '一个列表';
  if (s === 'an object') return '一个对象';
  const long = /^a text of (\d+) characters$/.exec(s);
  if (long) return `${long[1]} 个字符的文本`;
  return s;
}

const TYPES: Record<string, string> = {
  'a text': '文本',
  'a number': '数字',
  'a whole number': '整数',
  boolean: 'true 或 false',
  'a list': '列表',
  'an object': '对象',
  null: 'null',
};
/** The expected kinds of a value: "a text or an object" → 文本或对象. */
const type = (s: string) =>
  s
    .replace('true or false', 'boolean')
    .split(' or ')
    .map((t) => TYPES[t] ?? fail())
    .join('或');

/** A property as the zod messages name it: 'notes[2].en' or "the value". */
const prop = (s: string) => (s === 'the value' ? '该值' : /^'.*'$/.test(s) ? q(s.slice(1, -1)) : fail());

/** What a custom format check says is expected. */
const FORMATS: Record<string, string> = {
  'an id starts with a letter and holds only letters, digits, "-", "_" or "."': '编号须以字母开头，只能包含字母、数字、“-”“_”或“.”',
  'a data path is names joined by dots, such as customer.creditLimit': '数据路径是用点连接的名称，例如 customer.creditLimit',
  'a date is written YYYY-MM-DD': '日期写作 YYYY-MM-DD',
  'a colour is written #rrggbb': '颜色写作 #rrggbb',
  'a rule id such as mandatory-not-bypassed': '应为规则编号，例如 mandatory-not-bypassed',
  'hours must be a number from 0 to 87,600 (ten years) or a rule': '小时数须为 0 到 87,600（十年）之间的数字，或一条规则',
};
const format = (s: string) => FORMATS[s] ?? fail();

const limit = (s: string) => {
  const m = /^at (most|least) (.+)$/.exec(s);
  return m ? `${m[1] === 'most' ? '不超过' : '至少为'} ${m[2]}` : fail();
};

/** Why a data path does not resolve (data-paths.ts reasons). */
function reason(s: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^'(.+)' is not a variable of the flow's data \(it has (none|.+)\)$/.exec(s))) return `${q(m[1]!)}不是流程数据中的变量（${m[2] === 'none' ? '流程数据中没有变量' : `已有变量：${m[2]}`}）`;
  if ((m = /^the items of '(.+)' have no field '(.+)' \(they have (.+)\)$/.exec(s))) return `${q(m[1]!)}的明细项没有字段${q(m[2]!)}（明细项的字段有：${m[3]}）`;
  if ((m = /^'(.+)' item field '(.+)' is (\w+); it has no '(.+)'$/.exec(s))) return `${q(m[1]!)}的明细字段${q(m[2]!)}的类型是 ${m[3]}，没有${q(m[4]!)}`;
  if ((m = /^'(.+)' is a (.+) record, and (.+) has no field '(.+)'$/.exec(s))) return `${q(m[1]!)}是 ${m[2]} 记录，而 ${m[3]} 没有字段${q(m[4]!)}`;
  if ((m = /^'(.+)' is a list; read its items with some\/all\/map, or by number \((.+)\)$/.exec(s))) return `${q(m[1]!)}是列表；请用 some/all/map 读取其明细，或按序号读取（${m[2]}）`;
  if ((m = /^'(.+)' is an? (\w+); it has no '(.+)'$/.exec(s))) return `${q(m[1]!)}的类型是 ${m[2]}，没有${q(m[3]!)}`;
  if ((m = /^entity '(.+)' has no field '([^']+)'(?: Did you mean '(.+)'\?)?$/.exec(s))) return `实体${q(m[1]!)}没有字段${q(m[2]!)}${m[3] ? `（是否想写${q(m[3])}？）` : ''}`;
  return fail();
}

/** The reasons FORBIDDEN_OPERATORS gives. */
const FORBIDDEN: Record<string, string> = {
  'it calls arbitrary JavaScript methods on data': '它会对数据调用任意 JavaScript 方法',
  'it writes to the console of whoever runs the flow': '它会向运行流程者的控制台输出内容',
};

/** Rule-policy messages (logic/policy.ts), without the place they stand. */
function policy(s: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^Operator '(.+)' is not allowed: (.+)\.$/.exec(s))) return `不允许使用运算符${q(m[1]!)}：${FORBIDDEN[m[2]!] ?? fail()}。`;
  if ((m = /^'(.+)' is not a JsonLogic operator CRM Flow knows\.$/.exec(s))) return `${q(m[1]!)}不是 CRM Flow 认识的 JsonLogic 运算符。`;
  if ((m = /^The rule has more than ([\d,]+) parts; split it or simplify it\.$/.exec(s))) return `规则超过 ${m[1]} 个组成部分；请拆分或简化。`;
  if ((m = /^The rule is nested more than (\d+) levels deep\.$/.exec(s))) return `规则嵌套超过 ${m[1]} 层。`;
  if ((m = /^A text in the rule is ([\d,]+) characters long; at most ([\d,]+) are allowed\.$/.exec(s))) return `规则中的一段文本有 ${m[1]} 个字符，最多允许 ${m[2]} 个。`;
  if (s === 'A number in the rule is not finite.') return '规则中的某个数字不是有限数。';
  if ((m = /^A rule may hold only JSON values, not (\w+)\.$/.exec(s))) return `规则只能包含 JSON 值，不能包含 ${m[1]}。`;
  if (s === 'An empty object is not an operation; write an operation such as {"==": [a, b]}.') return '空对象不是运算；请写成运算，例如 {"==": [a, b]}。';
  if ((m = /^An operation has exactly one operator, but this object has (\d+): (.+)\. Combine them with "and" or "or"\.$/.exec(s))) return `一个运算只能有一个运算符，但此对象有 ${m[1]} 个：${m[2]}。请用 "and" 或 "or" 组合。`;
  if ((m = /^The path '(.+)' reads '(.+)', which is JavaScript internals, not data\.$/.exec(s))) return `路径${q(m[1]!)}读取了${q(m[2]!)}，这是 JavaScript 内部结构，不是数据。`;
  return fail();
}

/** Field-constraint messages (FLOW_E040), after "Field 'x': ". */
function constraint(s: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^'(\w+)' limits (numbers|texts|dates), but the field is (\w+)\.$/.exec(s))) return `${q(m[1]!)}用于限制${{ numbers: '数字', texts: '文本', dates: '日期' }[m[2]!]}，但该字段的类型是 ${m[3]}。`;
  if ((m = /^'allowNegative' is for money fields, but the field is (\w+)\.$/.exec(s))) return `“allowNegative”只用于金额字段，但该字段的类型是 ${m[1]}。`;
  if ((m = /^no value can be at least (.+) and at most (.+)\.$/.exec(s))) return `没有任何值能既不小于 ${m[1]} 又不大于 ${m[2]}。`;
  if ((m = /^money is never negative unless 'allowNegative' is set, so no value can be at most (.+)\.$/.exec(s))) return `除非设置了“allowNegative”，金额不能为负，所以没有任何值能不大于 ${m[1]}。`;
  if ((m = /^no whole number lies between (.+) and (.+)\.$/.exec(s))) return `${m[1]} 与 ${m[2]} 之间没有整数。`;
  if ((m = /^no text can be at least (.+) and at most (.+) characters long\.$/.exec(s))) return `没有任何文本能既不少于 ${m[1]} 个字符又不多于 ${m[2]} 个字符。`;
  if (/^the pattern does not compile: /.test(s)) return '格式（pattern）不是有效的正则表达式，无法编译。';
  if (s.startsWith('the pattern repeats a group that itself repeats')) return '格式（pattern）重复了一个本身也在重复的分组（或引用了前面的分组），遇到某些文本时耗时会成倍增长；请去掉嵌套的重复。';
  if (s.startsWith('the pattern repeats a group of alternatives')) return '格式（pattern）重复了一组可选项（a|b），遇到某些文本时耗时会成倍增长；请改用字符集，如 [ab]。';
  if ((m = /^the pattern's repeated parts (.+) can match the same characters, so checking a text of n characters that does not match can take about n\^(\d+) steps \(a long text could hold the engine for minutes\); set 'maxLength' to at most ([\d,]+) \((?:the field has no maxLength|maxLength is ([\d,]+))\), or rewrite the pattern so that no two repeated parts in a row can match the same characters\.$/s.exec(s))) {
    const parts = m[1]!.replace(/ and ('[^']*')$/, '、$1').replace(/', '/g, "'、'");
    return `格式（pattern）中重复的部分 ${parts} 可以匹配相同的字符，检查一段 n 个字符且不符合格式的文本约需 n^${m[2]} 步（较长的文本可能让引擎停顿数分钟）；请把“maxLength”设为不超过 ${m[3]}（${m[4] ? `目前为 ${m[4]}` : '该字段没有设置 maxLength'}），或改写格式，使相邻的重复部分不能匹配相同的字符。`;
  }
  if (s.startsWith("a pattern needs a 'patternHint'")) return '格式（pattern）需要一条“patternHint”，用平实的话说明要求（例如“11 位数字，如 13800138000”）。';
  if ((m = /^'(.+)' is not a date\.$/.exec(s))) return `${q(m[1]!)}不是日期。`;
  if ((m = /^'(.+)' is not a field of (.+?)\.( Did you mean '(.+)'\?)?$/.exec(s))) return `${q(m[1]!)}不是 ${m[2]} 的字段。${m[4] ? `是否想写${q(m[4])}？` : ''}`;
  if ((m = /^'(.+)' is (\w+), not a date\.$/.exec(s))) return `${q(m[1]!)}的类型是 ${m[2]}，不是日期。`;
  if (s === 'a date cannot be limited by itself.') return '日期不能用它自己来限制。';
  if ((m = /^no date is on or after (.+) and on or before (.+)\.$/.exec(s))) return `没有任何日期能既不早于 ${m[1]} 又不晚于 ${m[2]}。`;
  if (s === 'no date can be that many days from today and also that few.') return '没有任何日期能同时满足这两个距今天数的限制。';
  return fail();
}

/** What JSON.parse said, in Chinese (its wording differs between engines, so anything else is "a syntax error"). */
function jsonError(s: string): string {
  let m: RegExpExecArray | null;
  if (/^Unexpected end of JSON input \(the file is empty\)/.test(s)) return '文件是空的';
  if (/^Unexpected end of JSON input/.test(s)) return '文本在结构完整之前就结束了（缺少右括号或引号）';
  if ((m = /^Trailing comma before '(.)'/.exec(s))) return `“${m[1]}”前面多了一个逗号`;
  if (/^Expected double-quoted property name/.test(s)) return '属性名必须用双引号括起来';
  if ((m = /^Expected '(.)' or '(.)' after (property value|array element)/.exec(s))) return `${m[3] === 'property value' ? '属性值' : '列表元素'}后面应为“${m[1]}”或“${m[2]}”`;
  if ((m = /^Unexpected token '?(.)'?/.exec(s))) return `出现了意外的字符“${m[1]}”`;
  if (/^Unterminated string/.test(s)) return '字符串缺少结束的引号';
  if (/^Bad control character/.test(s)) return '字符串中有不允许的控制字符';
  if (/^Unexpected non-whitespace character after JSON/.test(s)) return 'JSON 结束后还有多余的内容';
  return '有语法错误';
}

/** A size as formatSize wrote it: "7 bytes" → 7 字节. */
const size = (s: string) => s.replace(/ bytes$/, ' 字节');

type Template = [RegExp, (m: string[]) => string];

/** Each English template and its Chinese. Order matters where templates overlap: the more specific first. */
const TEMPLATES: ReadonlyArray<Template> = [
  // Reading the text (json-text.ts, sanitize.ts).
  [/^The text is not valid JSON: (.+) at line (\d+), column (\d+)\.$/s, (m) => `文本不是有效的 JSON：${jsonError(m[1]!)}（第 ${m[2]} 行第 ${m[3]} 列）。`],
  [/^The text is not valid JSON: (.+)$/s, (m) => `文本不是有效的 JSON：${jsonError(m[1]!)}。`],
  [/^The file is (.+); definitions may be at most (.+)\.$/, (m) => `文件大小为 ${size(m[1]!)}；定义最大只能是 ${size(m[2]!)}。`],
  [/^The (JSON|definition) is nested more than (\d+) levels deep; definitions are never that deep, so it was not read\.$/, (m) => `${m[1] === 'JSON' ? 'JSON ' : '定义'}嵌套超过 ${m[2]} 层；正常的定义不会这么深，因此未读取。`],
  [/^The key '(.+)' is reserved by JavaScript and never allowed in a definition\.$/, (m) => `键${q(m[1]!)}是 JavaScript 保留名，定义中一律不允许使用。`],
  [
    /^The (text|key) at (.+) holds (?:a NUL character \(U\+0000\)|half of a surrogate pair \((U\+[0-9A-F]{4}) alone\)), which no store keeps: (.+); remove it\.$/s,
    (m) => `位于 ${m[2]} 的${m[1] === 'key' ? '键' : '文本'}含有${m[3] ? `不成对的代理项（单独的 ${m[3]}）` : '空字符（U+0000）'}，任何存储都无法保存：${m[4]}；请删除它。`,
  ],
  [/^(\d+) more texts or keys hold a character no store keeps \(only the first (\d+) are listed\)\.$/, (m) => `另有 ${m[1]} 处文本或键含有任何存储都无法保存的字符（只列出前 ${m[2]} 处）。`],
  // Unique ids (collect.ts).
  [/^(\w+) id '(.+)' is used twice \(also by \w+ #(\d+)\); ids must be unique\.$/, (m) => `${THINGS[m[1]!] ?? fail()}编号${q(m[2]!)}被使用了两次（第 ${m[3]} 个${THINGS[m[1]!]}也用了它）；编号必须唯一。`],
  // The flow's shell and nodes (parse-flow.ts).
  [/^The flow was written for catalog '(.+)', but it is being checked against catalog '(.+)'\.$/, (m) => `该流程是为目录${q(m[1]!)}编写的，但现在用目录${q(m[2]!)}检查。`],
  [/^Node #(\d+) should be an object but is (.+)\.$/, (m) => `第 ${m[1]} 个步骤应为一个对象，实际是${value(m[2]!)}。`],
  [/^(.+?) is missing 'kind' \(one of (.+)\)\.$/, (m) => `${subject(m[1]!)}缺少“kind”（可选：${m[2]}）。`],
  [/^(.+?) has kind (.+); a node's kind is one of (.+)\.$/, (m) => `${subject(m[1]!)}的类型是${value(m[2]!)}；步骤类型只能是 ${m[3]} 之一。`],
  [/^Variable '(.+)' has an invalid name: .+$/, (m) => `变量${q(m[1]!)}的名称无效：名称须以字母开头，只能包含字母、数字、“-”“_”或“.”。`],
  [/^Variable '(.+)' is an? (\w+) but does not say of which entity \('entity'\)\.$/, (m) => `变量${q(m[1]!)}的类型是 ${m[2]}，但没有说明属于哪个实体（“entity”）。`],
  [/^Variable '(.+)' holds entity '(.+)', which the catalog does not have\.$/, (m) => `变量${q(m[1]!)}存放实体${q(m[2]!)}，目录中没有该实体。`],
  [/^(Variable|Field) '(.+)' is an enum but lists no options\.$/, (m) => `${THINGS[m[1]!]}${q(m[2]!)}是枚举，但没有列出任何选项。`],
  [/^(.+?) is in department '(.+)', which the catalog does not have\.$/, (m) => `${subject(m[1]!)}属于部门${q(m[2]!)}，目录中没有该部门。`],
  [/^(.+?) must not be done by the actor of '(.+)', but '(.+)' is an? (\w+), not a task done by a person\.$/, (m) => `${subject(m[1]!)}不得由${q(m[2]!)}的处理人完成，但${q(m[3]!)}是 ${m[4]} 步骤，不是由人处理的任务。`],
  [/^(.+?) opens window '(.+)', which the catalog does not have\.$/, (m) => `${subject(m[1]!)}打开窗口${q(m[2]!)}，目录中没有该窗口。`],
  [/^(.+?) opens its window on variable '(.+)', which is not in the flow's data\.$/, (m) => `${subject(m[1]!)}在变量${q(m[2]!)}上打开窗口，但流程数据中没有该变量。`],
  [/^(.+?) opens window '(.+)' \(an? (.+) screen\) on variable '(.+)', which does not hold an? (.+) record\.$/, (m) => `${subject(m[1]!)}在变量${q(m[4]!)}上打开窗口${q(m[2]!)}（${m[3]} 的界面），但该变量存放的不是 ${m[5]} 记录。`],
  [/^(.+?) opens window '(.+)' \(an? (.+) screen\), but the flow's data has no (.+) record variable to open it on\.$/, (m) => `${subject(m[1]!)}打开窗口${q(m[2]!)}（${m[3]} 的界面），但流程数据中没有可供它打开的 ${m[4]} 记录变量。`],
  [/^(.+?) opens window '(.+)', and the flow's data has several (.+) records \((.+)\); say which with 'record'\.$/, (m) => `${subject(m[1]!)}打开窗口${q(m[2]!)}，但流程数据中有多条 ${m[3]} 记录（${m[4]}），未指明是哪一条；请用“record”指明。`],
  [/^(.+?) starts at node '(.+)', which the flow does not have\.$/, (m) => `${subject(m[1]!)}的起点是步骤${q(m[2]!)}，流程中没有该步骤。`],
  [/^(.+?) goes to node '(.+)', which the flow does not have\.$/, (m) => `${subject(m[1]!)}指向步骤${q(m[2]!)}，流程中没有该步骤。`],
  [/^(.+?) links to entity '(.+)', which the catalog does not have\.$/, (m) => `${subject(m[1]!)}关联到实体${q(m[2]!)}，目录中没有该实体。`],
  [/^(.+?) links on field '(.+)', but entity '(.+)' has no such field\.$/, (m) => `${subject(m[1]!)}按字段${q(m[2]!)}关联，但实体${q(m[3]!)}没有该字段。`],
  [/^(.+?) names role '(.+)', which the catalog does not have\.$/, (m) => `${where(m[1]!)}引用了角色${q(m[2]!)}，目录中没有该角色。`],
  [/^(.+?) names node '(.+)', which the flow does not have\.$/, (m) => `${where(m[1]!)}引用了步骤${q(m[2]!)}，流程中没有该步骤。`],
  [/^(.+?) (names|reads) '(.+)', but (.+)\.$/, (m) => `${where(m[1]!)}${m[2] === 'names' ? '引用了' : '读取了'}${q(m[3]!)}，但${reason(m[4]!)}。`],
  // The catalog (parse-catalog.ts).
  [/^Role '(.+)' belongs to department '(.+)', which the catalog does not have\.$/, (m) => `角色${q(m[1]!)}属于部门${q(m[2]!)}，目录中没有该部门。`],
  [/^Field '(.+)' refers to entity '(.+)', which the catalog does not have\.$/, (m) => `字段${q(m[1]!)}引用实体${q(m[2]!)}，目录中没有该实体。`],
  [/^Field '(.+)' is a list but does not say what its items hold \(itemFields\)\.$/, (m) => `字段${q(m[1]!)}是列表，但没有说明明细项包含什么（itemFields）。`],
  [/^(.+?) shows entity '(.+)', which the catalog does not have\.$/, (m) => `${subject(m[1]!)}显示实体${q(m[2]!)}，目录中没有该实体。`],
  [/^(.+?) shows field '(.+)', but entity '(.+)' has no such field\.$/, (m) => `${subject(m[1]!)}显示字段${q(m[2]!)}，但实体${q(m[3]!)}没有该字段。`],
  [/^(.+?) gives access to role '(.+)', which the catalog does not have\.$/, (m) => `${subject(m[1]!)}给角色${q(m[2]!)}设置了权限，目录中没有该角色。`],
  [/^(.+?) sets access for field '(.+)', which the window does not show\.$/, (m) => `${subject(m[1]!)}为字段${q(m[2]!)}设置了权限，但窗口并不显示该字段。`],
  [/^(.+?) sets access to field '(.+)' for role '(.+)', which the catalog does not have\.$/, (m) => `${subject(m[1]!)}为角色${q(m[3]!)}设置了字段${q(m[2]!)}的权限，目录中没有该角色。`],
  [/^(.+?) requires field '(.+)', which the window does not show\.$/, (m) => `${subject(m[1]!)}要求必填字段${q(m[2]!)}，但窗口并不显示该字段。`],
  [/^(Field '[^']+') constraint rule: (.+)$/s, (m) => `${subject(m[1]!)}的约束规则：${policy(m[2]!)}`],
  [/^(Field '[^']+'): (.+)$/s, (m) => `${subject(m[1]!)}：${constraint(m[2]!)}`],
  // The shape (zod-problems.ts).
  [/^(.+?) is missing (.+)\.$/, (m) => `${subject(m[1]!)}缺少${prop(m[2]!)}。`],
  [/^(.+?): (.+) should be (.+) but is (.+)\.$/, (m) => `${subject(m[1]!)}：${prop(m[2]!)}应为${type(m[3]!)}，实际是${value(m[4]!)}。`],
  [/^(.+?) (has|uses) the reserved key '(.+)', which is never allowed\.$/, (m) => `${subject(m[1]!)}使用了保留键${q(m[3]!)}，一律不允许。`],
  [/^(.+?) has a property '(.+)' that is not part of the format( of (.+))?\.$/, (m) => `${subject(m[1]!)}${m[4] ? `的${prop(m[4])}` : ''}有属性${q(m[2]!)}，它不属于该格式。`],
  [/^(.+?): (.+) is (\d+) characters long; it must be (.+)\.$/, (m) => `${subject(m[1]!)}：${prop(m[2]!)}长 ${m[3]} 个字符，须${limit(m[4]!)} 个字符。`],
  [/^(.+?): (.+) has (\d+|\?) items; it must have (.+)\.$/, (m) => `${subject(m[1]!)}：${prop(m[2]!)}有 ${m[3]} 项，须${limit(m[4]!)} 项。`],
  [/^(.+?): (.+) is (.+); it must be (.+)\.$/, (m) => `${subject(m[1]!)}：${prop(m[2]!)}是 ${value(m[3]!)}，须${limit(m[4]!)}。`],
  [/^(.+?): (.+) is (.+); expected (.+)\.$/, (m) => `${subject(m[1]!)}：${prop(m[2]!)}是 ${value(m[3]!)}，应为以下之一：${m[4]}。`],
  [/^(.+?): (.+) is (.+), but (.+)\.$/, (m) => `${subject(m[1]!)}：${prop(m[2]!)}是 ${value(m[3]!)}，但${format(m[4]!)}。`],
  [/^(.+?): the key '(.+)' is not a valid name \((.+)\)\.$/, (m) => `${subject(m[1]!)}：键${q(m[2]!)}不是有效的名称（${format(m[3]!)}）。`],
  [/^(.+?): (.+) is not valid: (.+)\.$/, (m) => `${subject(m[1]!)}：${prop(m[2]!)}无效：${FORMATS[m[3]!] ?? (m[3] === 'Invalid input' ? '格式不符' : fail())}。`],
  // A rule under the policy, after the place it stands ("Edge 'e3' guard: …").
  [/^(.+?): (.+)$/s, (m) => `${where(m[1]!)}：${policy(m[2]!)}`],
];

/**
 * The Chinese of one English problem message, or `undefined` when no
 * template reads it. Given the flow, steps, connections and control points
 * are named by their Chinese names, with their ids.
 */
export function problemMessageZh(message: string, flow?: Flow): string | undefined {
  const suggestion = / Did you mean '([^']+)'\?$/.exec(message);
  const body = suggestion ? message.slice(0, suggestion.index) : message;
  const tail = suggestion ? `是否想写${q(suggestion[1]!)}？` : '';
  names = flow ? namesOf(flow) : undefined;
  try {
    for (const [re, zh] of TEMPLATES) {
      const m = re.exec(body);
      if (!m) continue;
      try {
        return zh(m as unknown as string[]) + tail;
      } catch (e) {
        if (!(e instanceof NoMatch)) throw e;
      }
    }
    return undefined;
  } finally {
    names = undefined;
  }
}

/**
 * A format problem's message in the reader's language: the English message
 * as the parser wrote it, or its Chinese (the code's general meaning with
 * the place it points at when the message is not one the table knows).
 */
export function problemMessage(problem: Problem, locale: Locale, flow?: Flow): string {
  if (locale === 'en') return problem.message;
  // Each code's general meaning (`problem.FLOW_E0xx`), with the place it points at.
  return problemMessageZh(problem.message, flow) ?? formatEngineText(`problem.${problem.code}`, { path: problem.path || '/' }, { locale: 'zh', texts: PROBLEM_TEXTS });
}
