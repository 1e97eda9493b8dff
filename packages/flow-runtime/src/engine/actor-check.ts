/**
 * The actor a caller passes is input like any other: an id (text) and roles
 * (a list of role ids). One built wrong (roles missing or a single text, an
 * id that is not text) holds none of the roles that may do anything: it is
 * refused as `NOT_PERMITTED` rather than crashing or being misread (a text
 * `'admin'` read as the roles a, d, m, i, n), naming the part that is wrong
 * ("actor.roles must be a list of role names").
 */
import { isStorableText as isText, MAX_REASON } from './data.js';
import { refusal } from './errors.js';
import type { Actor } from './types.js';

/** Throws NOT_PERMITTED when `actor` is given but is not an {@link Actor}, or is missing (undefined or null) when `required`. */
export function checkActor(actor: unknown, required?: boolean): asserts actor is Actor | undefined | null {
  const a = actor as { id?: unknown; roles?: unknown; name?: unknown; system?: unknown } | null | undefined;
  const wrong: Problem | false | undefined = a == null ? required && ['', 'actor.shape'] : actorProblem(a);
  if (!wrong) return;
  const field = `actor${wrong[0]}`;
  // Text no store keeps (a NUL, half a surrogate pair) says so; anything else says what the part must be.
  throw wrong[1] ? refusal('NOT_PERMITTED', 'value.mustBe', { field, problem: { kind: 'msg', key: wrong[1], args: { n: wrong[2] ?? 0 } } }) : refusal('NOT_PERMITTED', 'INVALID_VALUE.stored', { field, why: { kind: 'msg', key: 'data.badText' } });
}

/** The part of an actor built wrong, the text key of what it must be, and the limit that key names. */
type Problem = [string, string, number?];

/** The most roles an actor may hold: every event the actor causes records them. */
export const MAX_ROLES = 1_000;
/** The most characters an actor's roles may hold together (each at most {@link MAX_REASON}). */
export const MAX_ROLES_TEXT = 10_000;

/**
 * The part of an actor built wrong and what it must be (a text key; '' for text no store keeps), or
 * undefined when it is fine. Runs on every command: checks each part in turn, without a list of part
 * names or a closure per call.
 */
function actorProblem(a: { id?: unknown; roles?: unknown; name?: unknown; system?: unknown }): Problem | undefined {
  if (typeof a !== 'object' || Array.isArray(a)) return ['', 'actor.shape'];
  // Text no store keeps alike (NUL, half a surrogate pair) in the id, name or roles names no one either: events record them.
  // Each text is recorded in every event the actor causes: at most as long as a reason.
  if (!isText(a.id)) return ['.id', typeof a.id === 'string' ? '' : 'value.text'];
  if ((a.id as string).length > MAX_REASON) return ['.id', 'limit.maxLength', MAX_REASON];
  if (a.name !== undefined && !isText(a.name)) return ['.name', typeof a.name === 'string' ? '' : 'value.text'];
  if (a.name !== undefined && (a.name as string).length > MAX_REASON) return ['.name', 'limit.maxLength', MAX_REASON];
  // Only `true` makes the host's own actor (window access not checked): a text such as 'false' is no yes or no.
  if (a.system !== undefined && typeof a.system !== 'boolean') return ['.system', 'value.boolean'];
  const roles = a.roles;
  if (!Array.isArray(roles)) return ['.roles', 'actor.roles'];
  if (roles.length > MAX_ROLES) return ['.roles', 'actor.rolesMax', MAX_ROLES];
  for (let i = 0, total = 0; i < roles.length; i++) {
    const r: unknown = roles[i];
    if (!isText(r)) return typeof r === 'string' ? [`.roles.${i}`, ''] : ['.roles', 'actor.roles'];
    if ((r as string).length > MAX_REASON) return [`.roles.${i}`, 'limit.maxLength', MAX_REASON];
    // Together too: 1,000 roles of 2,000 characters would put 2 MB into every event.
    if ((total += (r as string).length) > MAX_ROLES_TEXT) return ['.roles', 'limit.maxLength', MAX_ROLES_TEXT];
  }
  return undefined;
}

