import type { Problem } from '../schema/problems.js';

/** One problem on one line: `file:/path: message [CODE]`. */
export function formatProblem(file: string, p: Problem): string {
  return `${file}:${p.path || '/'}: ${p.message} [${p.code}]`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
