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
  const a = actor as { id?: unknown; roles?: unknown; name?: unknown; system?: unknown } | null | undefined;
  const wrong: [string, string] | false | undefined = a == null ? required && ['', 'actor.shape'] : actorProblem(a);
  if (!wrong) return;
  const field = `actor${wrong[0]}`;
  // Text no store keeps (a NUL, half a surrogate pair) says so; anything else says what the part must be.
  throw wrong[1] ? refusal('NOT_PERMITTED', 'value.mustBe', { field, problem: { kind: 'msg', key: wrong[1] } }) : refusal('NOT_PERMITTED', 'INVALID_VALUE.stored', { field, why: { kind: 'msg', key: 'data.badText' } });
}

/** The part of an actor built wrong and what it must be (a text key; '' for text no store keeps), or undefined when it is fine. */
function actorProblem(a: { id?: unknown; roles?: unknown; name?: unknown; system?: unknown }): [string, string] | undefined {
  if (typeof a !== 'object' || Array.isArray(a)) return ['', 'actor.shape'];
  // Text no store keeps alike (NUL, half a surrogate pair) in the id, name or roles names no one either: events record them.
  for (const part of ['id', 'name'] as const) if ((part === 'id' || a[part] !== undefined) && !isText(a[part])) return [`.${part}`, typeof a[part] === 'string' ? '' : 'value.text'];
  // Only `true` makes the host's own actor (window access not checked): a text such as 'false' is no yes or no.
  if (a.system !== undefined && typeof a.system !== 'boolean') return ['.system', 'value.boolean'];
  if (!Array.isArray(a.roles)) return ['.roles', 'actor.roles'];
  const i = a.roles.findIndex((r) => !isText(r));
  return i < 0 ? undefined : typeof a.roles[i] === 'string' ? [`.roles.${i}`, ''] : ['.roles', 'actor.roles'];
}

function isText(v: unknown): boolean {
  return typeof v === 'string' && storableText(v);
}
