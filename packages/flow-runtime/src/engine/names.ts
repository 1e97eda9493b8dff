/**
 * Plain-language names for messages: steps by their name, fields by their
 * catalog name, roles by theirs, joined the way people write lists.
 */
import type { LocalizedText } from '../schema/common.js';
import type { CompiledFlow } from './compiled.js';
import type { TextArg } from './texts/types.js';

/** `'Credit check'` for a node id. */
export function stepName(flow: CompiledFlow, nodeId: string): string {
  const node = flow.nodes.get(nodeId);
  return `'${node?.name.en ?? nodeId}'`;
}

/**
 * The catalog name of the field at `path` in a sentence: "the customer's credit
 * limit", "the order type" (when the field's name already says whose it is),
 * "'approved'" for a plain variable, or the path itself.
 */
export function fieldName(flow: CompiledFlow, path: string): string {
  const info = flow.pathInfo(path);
  const field = info.ok ? (info.field as { name?: { en: string } } | undefined) : undefined;
  const dot = path.indexOf('.');
  if (field?.name?.en && dot > 0) {
    const head = path.slice(0, dot);
    const owner = lowerFirst(flow.flow.data[head]?.name?.en ?? head);
    const name = lowerFirst(field.name.en);
    return name.startsWith(owner) ? `the ${name}` : `the ${owner}'s ${name}`;
  }
  if (field?.name?.en) return `'${field.name.en}'`;
  return `'${path}'`;
}

/** "finance", "sales rep or sales manager". */
export function roleNames(flow: CompiledFlow, roles: readonly string[], joiner = 'or'): string {
  const names = roles.map((r) => lowerFirst(flow.catalog?.roles.find((x) => x.id === r)?.name.en ?? r));
  return joinList(names, joiner);
}

/** "a, b and c". */
export function joinList(items: readonly string[], joiner = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

function lowerFirst(s: string): string {
  // Keep acronyms ("VAT number") as written.
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** A stored time as ISO text; a time no date can show (from data written before bounds existed) reads as such, never throws. */
export function isoTime(t: number): string {
  return Number.isFinite(t) && Math.abs(t) <= 8.64e15 ? new Date(t).toISOString() : 'an unknown time';
}

/** A step as a text argument: its id and name (both languages). */
export function stepArg(flow: CompiledFlow, nodeId: string): TextArg {
  const node = flow.nodes.get(nodeId);
  return node ? { kind: 'step', id: nodeId, name: node.name } : { kind: 'step', id: nodeId };
}

/** A data path as a text argument: the field's catalog name and whose it is. */
export function fieldArg(flow: CompiledFlow, path: string): TextArg {
  const info = flow.pathInfo(path);
  const field = info.ok ? (info.field as { name?: LocalizedText } | undefined) : undefined;
  const dot = path.indexOf('.');
  if (field?.name && dot > 0) {
    const head = path.slice(0, dot);
    const owner = flow.flow.data[head]?.name ?? { en: head };
    return { kind: 'field', path, name: field.name, owner };
  }
  if (field?.name) return { kind: 'field', path, name: field.name };
  if (dot < 0 && flow.flow.data[path]?.name) return { kind: 'field', path, name: flow.flow.data[path]!.name! };
  return { kind: 'field', path };
}

/** Roles as a text argument, with their catalog names as the flow knows them. */
export function rolesArg(flow: Pick<CompiledFlow, 'catalog'> | undefined, roles: readonly string[], join: 'or' | 'and' = 'or'): TextArg {
  const names: Record<string, LocalizedText> = {};
  for (const r of roles) {
    const named = flow?.catalog?.roles.find((x) => x.id === r)?.name;
    if (named) names[r] = named;
  }
  return { kind: 'roles', ids: [...roles], names, join };
}

/** A person as a text argument (name and roles); the system when there is no one. */
export function actorArg(flow: Pick<CompiledFlow, 'catalog'> | undefined, actor: { id: string; name?: string; roles: readonly string[]; system?: boolean } | undefined): TextArg {
  if (!actor) return { kind: 'actor', id: 'system', system: true };
  const roleNames: Record<string, LocalizedText> = {};
  for (const r of actor.roles) {
    const named = flow?.catalog?.roles.find((x) => x.id === r)?.name;
    if (named) roleNames[r] = named;
  }
  return { kind: 'actor', id: actor.id, ...(actor.name ? { name: actor.name } : {}), roles: [...actor.roles], roleNames, ...(actor.system ? { system: true } : {}) };
}

/** The flow's name as a step-like quoted argument. */
export function flowArg(flow: CompiledFlow): TextArg {
  return { kind: 'step', id: flow.id, name: flow.flow.name };
}
