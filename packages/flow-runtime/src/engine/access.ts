/**
 * Who may do a task and which data paths they may change or see. Access of
 * a role to a window field = `fieldAccess[field][role] ?? access[role] ??
 * 'none'`; an actor with several acting roles gets the widest.
 */
import type { Catalog, Window } from '../schema/catalog.js';
import type { Access } from '../schema/common.js';
import type { Flow, TaskNode } from '../schema/flow.js';
import type { Actor } from './types.js';

const RANK: Record<Access, number> = { none: 0, view: 1, edit: 2 };

/** What an actor may do on a task. */
export interface TaskAccess {
  editable: string[];
  visible: string[];
  access: Record<string, Access>;
}

/** A task node bound to its window and record variable, with access computed per role set. */
export interface TaskBinding {
  node: TaskNode;
  window?: Window;
  /** The record variable the window opens. */
  variable?: string;
  /** Candidate roles; empty means anyone. */
  candidates: string[];
  /** Required paths: the window's required fields on the record, plus the task's. */
  required: string[];
  /** Access for a set of acting roles (memoised by role set). */
  accessFor(roles: readonly string[]): TaskAccess;
  /** The roles that may edit `path` in this task (for messages). */
  editorsOf(path: string): string[];
}

/** Access of `roles` to one window field. */
export function fieldAccess(window: Window, field: string, roles: readonly string[]): Access {
  if (!window.fields.includes(field)) return 'none';
  let best: Access = 'none';
  for (const role of roles) {
    const a = window.fieldAccess?.[field]?.[role] ?? window.access[role] ?? 'none';
    if (RANK[a] > RANK[best]) best = a;
    if (best === 'edit') break;
  }
  return best;
}

/** Binds a task node to the catalog. */
export function bindTask(node: TaskNode, flow: Flow, catalog: Catalog | undefined): TaskBinding {
  const window = node.window ? catalog?.windows.find((w) => w.id === node.window) : undefined;
  let variable: string | undefined;
  if (window) {
    variable = node.record ?? Object.entries(flow.data).find(([, v]) => v.type === 'record' && v.entity === window.entity)?.[0];
  }
  const candidates = node.roles?.length
    ? [...node.roles]
    : window
      ? Object.entries(window.access)
          .filter(([, a]) => a === 'edit')
          .map(([r]) => r)
      : [];
  const required = [...(window && variable ? (window.required ?? []).map((f) => `${variable}.${f}`) : []), ...(node.required ?? [])];
  const ownFields = node.fields ?? [];
  const memo = new Map<string, TaskAccess>();

  const accessFor = (roles: readonly string[]): TaskAccess => {
    const key = roles.length > 1 ? [...roles].sort().join('\u0000') : (roles[0] ?? '');
    const hit = memo.get(key);
    if (hit) return hit;
    const access: Record<string, Access> = {};
    if (window && variable) {
      for (const f of window.fields) {
        const a = fieldAccess(window, f, roles);
        if (a !== 'none') access[`${variable}.${f}`] = a;
      }
    }
    for (const p of ownFields) access[p] = 'edit';
    const visible = Object.keys(access);
    const result = { access, visible, editable: visible.filter((p) => access[p] === 'edit') };
    memo.set(key, result);
    return result;
  };

  const editorsOf = (path: string): string[] => {
    if (ownFields.includes(path)) return candidates;
    if (!window || !variable || !path.startsWith(`${variable}.`)) return [];
    const field = path.slice(variable.length + 1).split('.')[0]!;
    const pool = candidates.length ? candidates : Object.keys(window.access);
    return pool.filter((r) => fieldAccess(window, field, [r]) === 'edit');
  };

  return { node, window, variable, candidates, required, accessFor, editorsOf };
}

/**
 * The roles an actor acts in for a task: their roles among the candidates
 * (all of them when anyone may). Read-only: when every role of the actor
 * counts, it is the actor's own list (this runs on every completion).
 */
export function actingRoles(binding: TaskBinding, actor: Actor): readonly string[] {
  const candidates = binding.candidates;
  const roles = actor.roles;
  if (candidates.length === 0) return roles;
  let matching = 0;
  for (let i = 0; i < roles.length; i++) if (candidates.includes(roles[i]!)) matching++;
  if (matching === roles.length) return roles;
  return matching === 0 ? NO_ROLES : roles.filter((r) => candidates.includes(r));
}

const NO_ROLES: readonly string[] = Object.freeze([]);

/** True when `path` is `allowed` or lies inside one of the allowed paths. */
export function pathAllowed(path: string, allowed: readonly string[]): boolean {
  for (const a of allowed) if (path === a || path.startsWith(`${a}.`)) return true;
  return false;
}
