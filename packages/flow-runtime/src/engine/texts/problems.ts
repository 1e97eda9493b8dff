/**
 * Definition problems in Chinese, every code the format check (`parseFlow`)
 * writes: the root entry's `formatEngineText` and the analysis tools render
 * `problem.<code>` with these. The engine entry's catalog knows only the
 * problems its own deploy check finds (it never runs the full format check),
 * so this table is not part of it.
 */
import { problemEntry, SHAPE_PROBLEMS_ZH } from './zh.js';
import type { TextEntry } from './types.js';

/** What a definition problem is, in Chinese, by its code. */
export const PROBLEM_ZH: Readonly<Record<string, string>> = {
  ...SHAPE_PROBLEMS_ZH,
  FLOW_E001: '文本不是有效的 JSON',
  FLOW_E002: '输入超出 CRM Flow 接受的大小',
  FLOW_E003: 'JSON 嵌套层级超出 CRM Flow 接受的深度',
  FLOW_E012: '该属性不属于此格式',
  FLOW_E013: '值不在允许范围内或格式不符',
  FLOW_E014: '文本或列表过长或过短',
  FLOW_E016: '不允许使用该键（如 __proto__ 等 JavaScript 保留名）',
  FLOW_E022: '引用的部门在目录中不存在',
  FLOW_E023: '引用的角色在目录中不存在',
  FLOW_E024: '引用的窗口在目录中不存在',
  FLOW_E025: '引用的实体在目录中不存在',
  FLOW_E026: '引用的字段不存在',
  FLOW_E027: '引用的变量不在流程数据定义中',
  FLOW_E028: '任务的窗口没有可绑定的记录变量',
  FLOW_E029: '该流程是为另一个目录编写的',
  FLOW_E030: '规则使用了不允许的运算符',
  FLOW_E031: '规则读取了禁止的路径（__proto__、constructor、prototype）',
  FLOW_E032: '规则嵌套过深',
  FLOW_E033: '规则过大',
  FLOW_E034: '规则格式错误',
  FLOW_E035: '规则使用了未知运算符',
  FLOW_E040: '字段的限制与字段不符，或永远无法满足',
};

/** The `problem` entry with every code's Chinese: pass as `{ texts: PROBLEM_TEXTS }` to the engine entry's `formatEngineText`. */
export const PROBLEM_TEXTS: Readonly<Record<string, TextEntry>> = { problem: problemEntry(PROBLEM_ZH) };
