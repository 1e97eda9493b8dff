import type * as z from 'zod/mini';
import { toPointer, type Problem, type ProblemCode } from './problems.js';

/** Names the thing a path points into, e.g. "Node 'credit-check'", for messages. */
export type Subject = (path: ReadonlyArray<PropertyKey>) => { subject: string; rest: ReadonlyArray<PropertyKey> };

/** Turns zod issues into plain-language problems with JSON pointers. */
export function problemsFromZod(issues: ReadonlyArray<z.core.$ZodIssue>, input: unknown, subjectOf: Subject, prefix: ReadonlyArray<PropertyKey> = []): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const { subject, rest } = subjectOf(path);
    const value = valueAt(input, path);
    const prop = propertyName(rest);
    const at = prop ? `'${prop}'` : 'the value';
    const push = (code: ProblemCode, message: string, p: ReadonlyArray<PropertyKey> = path) => out.push({ code, path: toPointer(p), message });
    switch (issue.code) {
      case 'invalid_type':
        if (value === undefined) push('FLOW_E010', `${subject} is missing ${at}.`);
        else push('FLOW_E011', `${subject}: ${at} should be ${article(issue.expected)} but is ${describeValue(value)}.`);
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const dangerous = key === '__proto__' || key === 'constructor' || key === 'prototype';
          push(dangerous ? 'FLOW_E016' : 'FLOW_E012', dangerous ? `${subject} has the reserved key '${key}', which is never allowed.` : `${subject} has a property '${key}' that is not part of the format${prop ? ` of ${at}` : ''}.`, [...path, key]);
        }
        break;
      case 'invalid_value':
        push('FLOW_E013', `${subject}: ${at} is ${describeValue(value)}; expected ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`);
        break;
      case 'invalid_format':
        push('FLOW_E013', `${subject}: ${at} is ${describeValue(value)}, but ${issue.message.replace(/^Invalid string: /, '')}.`);
        break;
      case 'too_big':
      case 'too_small': {
        const limit = issue.code === 'too_big' ? `at most ${String(issue.maximum)}` : `at least ${String(issue.minimum)}`;
        if (issue.origin === 'string') push('FLOW_E014', `${subject}: ${at} is ${(value as string).length} characters long; it must be ${limit}.`);
        else if (issue.origin === 'array' || issue.origin === 'set') push('FLOW_E014', `${subject}: ${at} has ${Array.isArray(value) ? value.length : '?'} items; it must have ${limit}.`);
        else push('FLOW_E013', `${subject}: ${at} is ${describeValue(value)}; it must be ${limit}.`);
        break;
      }
      case 'invalid_key': {
        const key = String(issue.path[issue.path.length - 1] ?? '');
        const dangerous = key === '__proto__' || key === 'constructor' || key === 'prototype';
        push(dangerous ? 'FLOW_E016' : 'FLOW_E013', dangerous ? `${subject} uses the reserved key '${key}', which is never allowed.` : `${subject}: the key '${truncate(key)}' is not a valid name (${issue.issues[0]?.message ?? 'invalid'}).`);
        break;
      }
      case 'invalid_union': {
        // A value of the right kind for one branch (an object where text or {en, zh} is allowed) is judged by that branch.
        const fitting = issue.errors.find((b) => b.length > 0 && b.every((i) => i.path.length > 0 || i.code !== 'invalid_type'));
        const kinds = issue.errors.flatMap((b) => b.filter((i) => i.code === 'invalid_type' && i.path.length === 0).map((i) => article((i as z.core.$ZodIssueInvalidType).expected)));
        if (value === undefined && prop) push('FLOW_E010', `${subject} is missing ${at}.`);
        else if (fitting) out.push(...problemsFromZod(fitting, input, subjectOf, path));
        else if (kinds.length === issue.errors.length) push('FLOW_E011', `${subject}: ${at} should be ${kinds.join(' or ')} but is ${describeValue(value)}.`);
        else push('FLOW_E013', `${subject}: ${at} is not valid: ${issue.message}.`);
        break;
      }
      default:
        // A union or discriminated union reports "Invalid input" on a property that is simply absent.
        if (value === undefined && prop) push('FLOW_E010', `${subject} is missing ${at}.`);
        else push('FLOW_E013', `${subject}: ${at} is not valid: ${issue.message}.`);
    }
  }
  return out;
}

/** Follows a path into a raw value. */
export function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur = input;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

function propertyName(rest: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of rest) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

function article(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

/** A short description of a raw value for messages (never the whole of a huge string). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `a text of ${value.length} characters` : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'an object';
}

export function truncate(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
