/**
 * Task views: an open task as one actor sees it. Built from the definition
 * and the state; tasks the actor may not do (roles, separation of duties)
 * are left out.
 */
import { actingRoles } from './access.js';
import type { CompiledFlow } from './compiled.js';
import { closedGates } from './controls.js';
import { getPath } from './data.js';
import type { Actor, InstanceState, TaskState, TaskView } from './types.js';

/** The view of one open task for `actor`, or undefined when they may not do it. */
export function taskView(flow: CompiledFlow, state: InstanceState, task: TaskState, actor: Actor, now: number): TaskView | undefined {
  if (task.status !== 'open' || (state.status !== 'active' && state.status !== 'incident')) return undefined;
  const binding = flow.tasks.get(task.nodeId);
  if (!binding) return undefined;
  const roles = actingRoles(binding, actor);
  if (binding.candidates.length && roles.length === 0) return undefined;
  for (const other of binding.node.notSameActorAs ?? []) if (state.completedBy[other]?.id === actor.id) return undefined;
  const { editable, visible, access } = binding.accessFor(roles);
  const values: Record<string, unknown> = {};
  for (const p of visible) {
    const v = getPath(state.data, p);
    if (v !== undefined) values[p] = v;
  }
  const node = binding.node;
  const view: TaskView = {
    instanceId: state.instanceId,
    taskId: task.taskId,
    nodeId: task.nodeId,
    flowId: state.flowId,
    version: state.version,
    name: node.name,
    roles: [...binding.candidates],
    editable: [...editable],
    visible: [...visible],
    access: { ...access },
    required: [...binding.required],
    values,
    mandatory: node.mandatory === true,
    openedAt: task.openedAt,
    overdue: task.dueAt !== undefined && task.dueAt <= now,
    // Gate state is kept current in the instance after every data change.
    blockedBy: closedGates({ flow, state }, task.nodeId).map((g) => ({ controlId: g.control.id, message: g.control.message })),
    seq: state.seq,
  };
  if (node.description) view.description = node.description;
  if (node.department) view.department = node.department;
  if (task.dueAt !== undefined) view.dueAt = task.dueAt;
  if (binding.window && binding.variable) {
    const recordId = getPath(state.data, `${binding.variable}.id`);
    view.window = { id: binding.window.id, name: binding.window.name, entity: binding.window.entity, variable: binding.variable };
    if (typeof recordId === 'string' || typeof recordId === 'number') view.window.recordId = String(recordId);
  }
  return view;
}

/** Views of all the instance's open tasks the actor may do. */
export function taskViews(flow: CompiledFlow, state: InstanceState, actor: Actor, now: number): TaskView[] {
  const out: TaskView[] = [];
  for (const t of Object.values(state.tasks)) {
    const v = taskView(flow, state, t, actor, now);
    if (v) out.push(v);
  }
  return out;
}
