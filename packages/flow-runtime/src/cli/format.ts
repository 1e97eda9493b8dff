import type { Problem } from '../schema/problems.js';
import type { Flow } from '../schema/flow.js';
import type { Locale } from '../analysis/types.js';
import { problemMessage } from '../analysis/problem-messages.js';

/** One problem on one line, in the reader's language: `file:/path: message [CODE]`. */
export function formatProblem(file: string, p: Problem, locale: Locale = 'en', flow?: Flow): string {
  return `${file}:${p.path || '/'}${locale === 'zh' ? '：' : ': '}${problemMessage(p, locale, flow)} [${p.code}]`;
}

/** The Chinese of the notes the CLI adds about what it could not check. */
const NOTES_ZH: Readonly<Record<string, string>> = {
  'no catalog given or found beside the file: windows, roles and departments were not checked (use --catalog)': '未指定目录，文件旁也没有 catalog.json，因此没有检查窗口、角色和部门；可用 --catalog 指定目录',
  'the catalog has problems; fix them first (crm-flow validate)': '目录有问题，请先修正（crm-flow validate）',
  'the catalog has problems, so flows were checked without it': '目录有问题，因此检查流程时未使用目录',
  'the catalog beside the flows has problems, so flows were checked without it': '流程旁的目录有问题，因此检查流程时未使用目录',
  'the catalog given has problems: windows, roles and departments were not checked': '指定的目录有问题：窗口、角色和部门未作检查',
};

/** A note of the CLI in the reader's language. */
export function noteText(note: string, locale: Locale): string {
  if (locale === 'en') return note;
  const beside = / has problems( \(validate it\))?: windows, roles and departments were not checked$/.exec(note);
  if (beside) return `${note.slice(0, beside.index)} 有问题${beside[1] ? '（请先用 validate 检查）' : ''}：窗口、角色和部门未作检查`;
  return NOTES_ZH[note] ?? note;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
