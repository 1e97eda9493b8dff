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

/**
 * The part of an actor built wrong and what it must be (a text key; '' for text no store keeps), or
 * undefined when it is fine. Runs on every command: checks each part in turn, without a list of part
 * names or a closure per call.
 */
function actorProblem(a: { id?: unknown; roles?: unknown; name?: unknown; system?: unknown }): [string, string] | undefined {
  if (typeof a !== 'object' || Array.isArray(a)) return ['', 'actor.shape'];
  // Text no store keeps alike (NUL, half a surrogate pair) in the id, name or roles names no one either: events record them.
  if (!isText(a.id)) return ['.id', typeof a.id === 'string' ? '' : 'value.text'];
  if (a.name !== undefined && !isText(a.name)) return ['.name', typeof a.name === 'string' ? '' : 'value.text'];
  // Only `true` makes the host's own actor (window access not checked): a text such as 'false' is no yes or no.
  if (a.system !== undefined && typeof a.system !== 'boolean') return ['.system', 'value.boolean'];
  const roles = a.roles;
  if (!Array.isArray(roles)) return ['.roles', 'actor.roles'];
  for (let i = 0; i < roles.length; i++) {
    const r: unknown = roles[i];
    if (!isText(r)) return typeof r === 'string' ? [`.roles.${i}`, ''] : ['.roles', 'actor.roles'];
  }
  return undefined;
}

function isText(v: unknown): boolean {
  return typeof v === 'string' && storableText(v);
}
