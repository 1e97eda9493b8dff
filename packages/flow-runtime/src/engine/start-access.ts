/**
 * What a person starting a case may fill in: the id of each record the case
 * is about (binding an existing CRM record) and the fields their roles may
 * edit in the steps that open for them right after the start (reached from
 * the start through decisions, splits, joins, waits and automatic steps,
 * not past another step). Anything else in start data is not theirs to enter
 * and is refused like any other write; values the host loaded from its own
 * systems come in as `hostData` instead (see `Engine.start`).
 */
import { actingRoles } from './access.js';
import type { CompiledFlow } from './compiled.js';
import type { Actor } from './types.js';

const memo = new WeakMap<CompiledFlow, Map<string, string[]>>();

/** The data paths `actor` may fill in when starting a case of `flow`. */
export function startEditable(flow: CompiledFlow, actor: Actor | undefined): string[] {
  const roles = actor?.roles ?? [];
  const key = roles.length > 1 ? [...roles].sort().join('\u0000') : (roles[0] ?? '');
  let byRoles = memo.get(flow);
  if (!byRoles) memo.set(flow, (byRoles = new Map()));
  const hit = byRoles.get(key);
  if (hit) return hit;
  const paths = new Set<string>();
  for (const [name, v] of Object.entries(flow.flow.data)) if (v.type === 'record') paths.add(`${name}.id`);
  const seen = new Set<string>([flow.start.id]);
  const pending = [flow.start.id];
  while (pending.length > 0) {
    const id = pending.pop()!;
    const outs = flow.out.get(id) ?? [];
    const fallback = flow.defaults.get(id);
    for (const e of fallback ? [...outs, fallback] : outs) {
      const target = e.edge.target;
      if (seen.has(target)) continue;
      seen.add(target);
      const node = flow.nodes.get(target);
      if (!node || node.kind === 'end' || node.kind === 'subflow') continue;
      if (node.kind === 'task') {
        const binding = flow.tasks.get(target);
        if (!binding || !actor) continue;
        const acting = actingRoles(binding, actor);
        if (acting.length > 0 || binding.candidates.length === 0) for (const p of binding.accessFor(acting).editable) paths.add(p);
        continue;
      }
      pending.push(target);
    }
  }
  const out = [...paths];
  byRoles.set(key, out);
  return out;
}
