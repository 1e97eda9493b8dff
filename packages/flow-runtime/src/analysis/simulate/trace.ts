import type { Catalog } from '../../schema/catalog.js';
import type { Flow } from '../../schema/flow.js';
import type { FlowEvent, InstanceState } from '../../engine/types.js';
import { applyEvent } from '../../engine/apply.js';
import { getPath } from '../../engine/data.js';
import { collectVarUses } from '../../logic/vars.js';
import { describe } from '../../logic/describe/render.js';
import { nameIn } from '../text.js';
import type { Locale } from '../types.js';
import type { TraceStep } from './types.js';

/**
 * Turns an instance's event log into a trace a key user can follow: each
 * step with who did it and what they entered, each decision with the branch
 * taken and why — the condition in words and the values it read.
 */
export function traceOf(flow: Flow, events: ReadonlyArray<FlowEvent>, catalog: Catalog | undefined, locale: Locale): { trace: TraceStep[]; path: string[]; edgeIds: string[] } {
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  const edges = new Map(flow.edges.map((e) => [e.id, e]));
  const name = (id: string) => nameIn(nodes.get(id)?.name, locale) || id;
  const trace: TraceStep[] = [];
  const path: string[] = [];
  const edgeIds: string[] = [];
  let state: InstanceState | undefined;
  const changesOf = (i: number, match: (e: FlowEvent) => boolean) => {
    const out = [];
    for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
      const e = events[k]!;
      if (e.type === 'data.changed' && match(e)) out.unshift(...e.changes);
    }
    return out;
  };
  events.forEach((event, i) => {
    const before = state;
    state = applyEvent(state, event);
    switch (event.type) {
      case 'token.moved':
        path.push(event.to);
        if (event.edgeId) edgeIds.push(event.edgeId);
        break;
      case 'token.split':
        trace.push({ type: 'parallel', nodeId: event.nodeId, name: name(event.nodeId), branches: event.branches.map((b) => b.to) });
        for (const b of event.branches) edgeIds.push(b.edgeId);
        break;
      case 'token.joined':
        trace.push({ type: 'join', nodeId: event.nodeId, name: name(event.nodeId) });
        break;
      case 'task.completed':
        trace.push({
          type: 'task',
          nodeId: event.nodeId,
          name: name(event.nodeId),
          ...(event.actor ? { by: { id: event.actor.id, ...(event.actor.name ? { name: event.actor.name } : {}), roles: event.actor.roles } } : {}),
          changes: changesOf(i, (e) => e.type === 'data.changed' && e.cause === 'task' && e.taskId === event.taskId),
        });
        break;
      case 'decision.taken': {
        const edge = edges.get(event.edgeId);
        const data = before?.data ?? {};
        const out = flow.edges.filter((e) => e.source === event.nodeId && !e.default);
        const read = event.byDefault ? out.map((e) => e.guard) : [edge?.guard];
        const values: Record<string, unknown> = {};
        for (const rule of read) {
          if (rule === undefined) continue;
          for (const use of collectVarUses(rule)) if (use.scope.kind === 'root' && use.path) values[use.path] = getPath(data, use.path) ?? null;
        }
        const guards = out.filter((e) => e.guard !== undefined).map((e) => e.guard);
        const because = event.byDefault
          ? describe(guards.length === 1 ? { '!': guards[0] } : { '!': { or: guards } }, catalog, locale, flow)
          : edge?.guard !== undefined
            ? describe(edge.guard, catalog, locale, flow)
            : locale === 'zh' ? '无条件' : 'no condition';
        trace.push({
          type: 'decision',
          nodeId: event.nodeId,
          name: name(event.nodeId),
          edgeId: event.edgeId,
          to: edge?.target ?? '',
          ...(edge?.label ? { label: nameIn(edge.label, locale) } : {}),
          byDefault: event.byDefault,
          because,
          values,
        });
        break;
      }
      case 'data.changed':
        if (event.cause === 'system' && event.nodeId) trace.push({ type: 'system', nodeId: event.nodeId, name: name(event.nodeId), changes: event.changes });
        break;
      case 'wait.ended':
        trace.push({ type: 'wait', nodeId: event.nodeId, name: name(event.nodeId), ended: event.reason, changes: changesOf(i, (e) => e.type === 'data.changed' && e.cause === 'update') });
        break;
      case 'subflow.completed': {
        const node = nodes.get(event.nodeId);
        trace.push({
          type: 'subflow',
          nodeId: event.nodeId,
          name: name(event.nodeId),
          flowId: node?.kind === 'subflow' ? node.flow : '',
          ...(event.outcome ? { outcome: event.outcome } : {}),
          changes: changesOf(i, (e) => e.type === 'data.changed' && (e.cause === 'subflow' || e.cause === 'update')),
        });
        break;
      }
      case 'alert.raised':
        trace.push({ type: 'alert', message: nameIn(event.message, locale), to: event.to, source: event.source.kind === 'control' ? event.source.controlId : event.source.nodeId });
        break;
      case 'incident.raised':
        trace.push({ type: 'incident', ...(event.nodeId ? { nodeId: event.nodeId } : {}), code: event.code, message: event.message });
        break;
      case 'token.ended':
        trace.push({ type: 'end', nodeId: event.nodeId, name: name(event.nodeId), ...(event.outcome ? { outcome: event.outcome } : {}) });
        break;
      default:
        break;
    }
  });
  return { trace, path, edgeIds };
}
