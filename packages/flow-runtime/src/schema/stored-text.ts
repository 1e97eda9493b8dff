/**
 * Text no store keeps alike, found anywhere in a definition: the NUL
 * character (PostgreSQL's JSON refuses it) and half of a surrogate pair (not
 * Unicode: PostgreSQL refuses it, other stores would keep it). The format
 * check (`parseFlow`, `parseCatalog`) and the engine entry's shape check both
 * refuse such a definition up front, so deploying it fails the same way on
 * every store; the engine refuses such text in written data and actors too.
 */
import { toPointer, type Problem } from './problems.js';

const BAD_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` can be stored as it is on every store (no NUL, no half of a surrogate pair). */
export function storableText(text: string): boolean {
  return !BAD_TEXT.test(text);
}

/** True when `v` is a text every store keeps alike (an id or name a store may be asked about or given). */
export function isStorableText(v: unknown): v is string {
  return typeof v === 'string' && !BAD_TEXT.test(v);
}

/** How many such texts are listed one by one; the rest are counted in one more problem. */
const LISTED = 50;

/** A step of the walk: a value and how it was reached (parent links, so a path is built only when reported). */
interface Step {
  v: unknown;
  key: PropertyKey | undefined;
  up: Step | undefined;
}

/**
 * A `FLOW_E017` problem for every text and key of `input` no store keeps,
 * naming its path, the character and the text (escaped). Iterative; the
 * caller bounds the depth.
 */
export function unstorableTexts(input: unknown): Problem[] {
  const problems: Problem[] = [];
  let more = 0;
  const report = (text: string, step: Step, isKey: boolean) => {
    if (problems.length >= LISTED) return void more++;
    const segments: PropertyKey[] = [];
    for (let s: Step | undefined = step; s?.key !== undefined; s = s.up) segments.unshift(s.key);
    const path = toPointer(segments);
    // The message never copies the bad character: a path through a bad key is shown escaped.
    const at = !path ? '/' : storableText(path) ? path : JSON.stringify(path).slice(1, -1);
    const ch = BAD_TEXT.exec(text)![0].charCodeAt(0);
    const what = ch === 0 ? 'a NUL character (U+0000)' : `half of a surrogate pair (U+${ch.toString(16).toUpperCase()} alone)`;
    const shown = JSON.stringify(text.length > 40 ? text.slice(0, 40) : text) + (text.length > 40 ? '…' : '');
    problems.push({ code: 'FLOW_E017', path, message: `The ${isKey ? 'key' : 'text'} at ${at} holds ${what}, which no store keeps: ${shown}; remove it.` });
  };
  const stack: Step[] = [{ v: input, key: undefined, up: undefined }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const v = step.v;
    if (typeof v === 'string') {
      if (!storableText(v)) report(v, step, false);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) if (v[i] !== null && typeof v[i] === 'object' || typeof v[i] === 'string') stack.push({ v: v[i], key: i, up: step });
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const child: Step = { v: (v as Record<string, unknown>)[key], key, up: step };
        if (!storableText(key)) report(key, child, true);
        if (child.v !== null && typeof child.v === 'object' || typeof child.v === 'string') stack.push(child);
      }
    }
  }
  if (more > 0) problems.push({ code: 'FLOW_E017', path: '', message: `${more} more texts or keys hold a character no store keeps (only the first ${LISTED} are listed).` });
  return problems;
}
