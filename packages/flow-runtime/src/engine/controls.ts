/**
 * What is re-checked after every data change: control points (an alert when
 * its condition starts to hold, a gate while it holds), waits on a condition,
 * steps held by a gate, and paths stuck because no condition held.
 */
import { truthy } from '../logic/truthy.js';
import type { CompiledControl } from './compiled.js';
import { leave, pickEdge, raiseIncident, resolveStepRuleIncidents, waitConditionHolds, whyArg } from './advance.js';
import type { Run } from './run.js';

const NONE: CompiledControl[] = [];

/** Evaluates every control; records changes and raises an alert when an alert control starts to hold. */
export function checkControls(run: Run): void {
  for (const c of run.flow.controls) {
    let holds: boolean;
    try {
      holds = truthy(c.when(run.state.data));
      const open = openControlIncident(run, c.control.id);
      if (open) run.emit({ type: 'incident.resolved', incidentId: open.incidentId });
    } catch (e) {
      // Fail closed: a gate whose rule cannot be evaluated (bad value, budget) holds, so the step it
      // guards waits; an alert that cannot be evaluated cannot stay silent. Either way someone must look.
      holds = c.control.kind === 'gate';
      if (!openControlIncident(run, c.control.id)) {
        const control = { kind: 'step' as const, id: c.control.id, name: c.control.name };
        raiseIncident(run, 'RULE_FAILED', { key: 'incident.controlFailed', args: { control, why: whyArg(e), gate: c.control.kind === 'gate' } }, undefined, undefined, c.control.id);
      }
    }
    if (holds === (run.state.controls[c.control.id] ?? false)) continue;
    run.emit({ type: 'control.changed', controlId: c.control.id, holds });
    if (holds && c.control.kind === 'alert') {
      run.emit({
        type: 'alert.raised',
        alertId: `${run.state.instanceId}/a${run.nextSeq}`,
        source: { kind: 'control', controlId: c.control.id },
        message: c.control.message,
        to: [...(c.control.notify ?? [])],
        severity: c.control.severity ?? 'warning',
      });
    }
  }
}

/** The unresolved incident raised because this control's rule failed, if any. */
function openControlIncident(run: Run, controlId: string) {
  const list = run.state.incidents;
  for (let i = 0; i < list.length; i++) if (!list[i]!.resolved && list[i]!.controlId === controlId) return list[i];
  return undefined;
}

/** Gates that hold now and name this node. */
export function closedGates(run: Pick<Run, 'flow' | 'state'>, nodeId: string): CompiledControl[] {
  const gates = run.flow.gates.get(nodeId);
  if (!gates) return NONE;
  return gates.filter((g) => run.state.controls[g.control.id] === true);
}

/** Lets resting tokens go on where the new data allows it. */
export function recheckResting(run: Run): void {
  const tokens = run.state.tokens;
  let waiting: string[] | undefined;
  for (const id in tokens) if (tokens[id]!.waiting && tokens[id]!.waiting !== 'task' && tokens[id]!.waiting !== 'subflow') (waiting ??= []).push(id);
  if (!waiting) return;
  for (const id of waiting) {
    const current = run.state.tokens[id];
    if (!current) continue;
    const node = run.flow.nodes.get(current.nodeId);
    if (!node) continue;
    if (current.waiting === 'wait' && node.kind === 'wait') {
      const until = run.flow.rules.get(node.id)?.get('until');
      if (!until || !waitConditionHolds(run, node.id, until)) continue;
      run.emit({ type: 'wait.ended', tokenId: current.id, nodeId: node.id, reason: 'condition' });
      resolveStepRuleIncidents(run, node.id);
      leave(run, run.state.tokens[current.id]!, node);
    } else if (current.waiting === 'gate') {
      if (closedGates(run, node.id).length === 0) run.enqueue(current.id);
    } else if (current.waiting === 'incident') {
      const incident = run.state.incidents.find((i) => !i.resolved && i.tokenId === current.id);
      if (!incident) continue;
      if (incident.code === 'STEP_FAILED') {
        // The step failed before doing anything: run it again on the new data.
        run.emit({ type: 'incident.resolved', incidentId: incident.incidentId });
        run.enqueue(current.id);
        continue;
      }
      if (incident.code !== 'NO_PATH' && incident.code !== 'RULE_FAILED') continue;
      const choice = pickEdge(run, node);
      if ('incident' in choice) continue;
      run.emit({ type: 'incident.resolved', incidentId: incident.incidentId });
      leave(run, run.state.tokens[current.id]!, node);
    }
  }
}

