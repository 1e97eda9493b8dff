/**
 * The actor a caller passes is input like any other: an id (text) and roles
 * (a list of role ids). One built wrong (roles missing or a single text, an
 * id that is not text) holds none of the roles that may do anything: it is
 * refused as `NOT_PERMITTED` rather than crashing or being misread (a text
 * `'admin'` read as the roles a, d, m, i, n), naming the part that is wrong
 * ("actor.roles must be a list of role names").
 */
import { storableText } from './data.js';
import { refusal } from './errors.js';
import type { Actor } from './types.js';

/** Throws NOT_PERMITTED when `actor` is given but is not an {@link Actor}, or is missing (undefined or null) when `required`. */
export function checkActor(actor: unknown, required?: boolean): asserts actor is Actor | undefined | null {
  const a = actor as { id?: unknown; roles?: unknown; name?: unknown } | null | undefined;
  const wrong: [string, string] | false | undefined = a == null ? required && ['', 'actor.shape'] : actorProblem(a);
  if (wrong) throw refusal('NOT_PERMITTED', 'NOT_PERMITTED.actor', { field: `actor${wrong[0]}`, problem: { kind: 'msg', key: wrong[1] } });
}

/** The part of an actor built wrong and what it must be (a text key), or undefined when it is fine. */
function actorProblem(a: { id?: unknown; roles?: unknown; name?: unknown }): [string, string] | undefined {
  if (typeof a !== 'object' || Array.isArray(a)) return ['', 'actor.shape'];
  // Text no store keeps alike (NUL, half a surrogate pair) in the id, name or roles names no one either: events record them.
  for (const part of ['id', 'name'] as const) if ((part === 'id' || a[part] !== undefined) && !isText(a[part])) return [`.${part}`, typeof a[part] === 'string' ? 'actor.clean' : 'value.text'];
  if (!Array.isArray(a.roles)) return ['.roles', 'actor.roles'];
  const i = a.roles.findIndex((r) => !isText(r));
  return i < 0 ? undefined : typeof a.roles[i] === 'string' ? [`.roles.${i}`, 'actor.clean'] : ['.roles', 'actor.roles'];
}

function isText(v: unknown): boolean {
  return typeof v === 'string' && storableText(v);
}
