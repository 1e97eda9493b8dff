/**
 * The actor a caller passes is input like any other: an id (text) and roles
 * (a list of role ids). One built wrong (roles missing or a single text, an
 * id that is not text) holds none of the roles that may do anything: it is
 * refused as `NOT_PERMITTED` rather than crashing or being misread (a text
 * `'admin'` read as the roles a, d, m, i, n).
 */
import { storableText } from './data.js';
import { refusal } from './errors.js';
import type { Actor } from './types.js';

/** Throws NOT_PERMITTED when `actor` is given but is not an {@link Actor}, or is missing (undefined or null) when `required`. */
export function checkActor(actor: unknown, required?: boolean): asserts actor is Actor | undefined | null {
  const a = actor as { id?: unknown; roles?: unknown; name?: unknown } | null | undefined;
  // Text no store keeps alike (NUL, half a surrogate pair) in the id, name or roles names no one either: events record them.
  if (a == null ? required : !isText(a.id) || (a.name !== undefined && !isText(a.name)) || !Array.isArray(a.roles) || !a.roles.every(isText)) throw refusal('NOT_PERMITTED', 'NOT_PERMITTED');
}

function isText(v: unknown): boolean {
  return typeof v === 'string' && storableText(v);
}
