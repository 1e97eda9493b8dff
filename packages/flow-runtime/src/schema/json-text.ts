import type { Problem } from './problems.js';

/** Limits applied to raw definition text before it is parsed. */
export interface JsonTextLimits {
  /** Largest accepted text, in characters. Default 20,000,000. */
  maxLength?: number;
  /** Deepest accepted nesting of arrays and objects. Default 64. */
  maxDepth?: number;
}

export const DEFAULT_MAX_TEXT_LENGTH = 20_000_000;
export const DEFAULT_MAX_JSON_DEPTH = 64;

/**
 * The problem (FLOW_E002) with a definition of `size` characters (or a file
 * of `size` bytes, checked before it is read), when it is over `maxLength`.
 */
export function textSizeProblem(size: number, maxLength = DEFAULT_MAX_TEXT_LENGTH): Problem | undefined {
  if (size <= maxLength) return undefined;
  return { code: 'FLOW_E002', path: '', message: `The file is ${formatSize(size)}; definitions may be at most ${formatSize(maxLength)}.` };
}

/**
 * Parses definition text as JSON without risking the stack or memory on
 * hostile input: the size and nesting depth are checked by a linear scan
 * first, so `[[[[…` 100,000 deep is refused before `JSON.parse` sees it.
 */
export function parseJsonText(text: string, limits: JsonTextLimits = {}): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  const maxLength = limits.maxLength ?? DEFAULT_MAX_TEXT_LENGTH;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_JSON_DEPTH;
  const tooBig = textSizeProblem(text.length, maxLength);
  if (tooBig) return { ok: false, problem: tooBig };
  const depth = maxNesting(text, maxDepth);
  if (depth > maxDepth) {
    return {
      ok: false,
      problem: {
        code: 'FLOW_E003',
        path: '',
        message: `The JSON is nested more than ${maxDepth} levels deep; definitions are never that deep, so it was not read.`,
      },
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: { code: 'FLOW_E001', path: '', message: `The text is not valid JSON: ${describeJsonError(error, text)}` } };
  }
}

/** Deepest bracket nesting outside strings, stopping early once past `stopAbove`. */
function maxNesting(text: string, stopAbove: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

function describeJsonError(error: unknown, text: string): string {
  if (text.trim() === '') return 'Unexpected end of JSON input (the file is empty)';
  const message = (error instanceof Error ? error.message : String(error)).replace(/^JSON\.parse: /, '');
  // Where the parser stopped: its "position N" when it says it; else, for an unexpected token it quotes, the first place that token follows a comma (a trailing comma) or appears at all.
  let pos: number | undefined;
  const at = /position (\d+)/.exec(message);
  if (at) pos = Number(at[1]);
  const token = /^Unexpected token '?(.)'?,/.exec(message);
  if (pos === undefined && token) {
    const t = token[1]!;
    const trailing = new RegExp(`,\\s*\\${t}`).exec(text);
    const found = trailing ? trailing.index + trailing[0].length - 1 : text.indexOf(t);
    if (found >= 0) pos = found;
  }
  // The parser's words without its own position and without the quoted text (which can be a whole file).
  let words = message
    .replace(/,? ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ at position \d+.*$/s, '');
  // The most common slip, said plainly: a comma before a closing bracket.
  const close = pos === undefined ? undefined : text[pos];
  if (pos !== undefined && (close === '}' || close === ']') && /,\s*$/.test(text.slice(0, pos))) words = `Trailing comma before '${close}'`;
  if (pos === undefined) return words;
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return `${words} at line ${line}, column ${col}.`;
}

function formatSize(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : chars >= 1000 ? `${(chars / 1000).toFixed(1)} kB` : `${chars} bytes`;
}
