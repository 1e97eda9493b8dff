/**
 * The audit trail: each event as a plain sentence naming who did what to
 * which step, with the data it changed — an engine text, rendered in the
 * reader's language and time zone.
 */
import type { CompiledFlow } from './compiled.js';
import { actorArg, fieldArg, rolesArg, stepArg } from './names.js';
import { formatEngineText } from './texts/format.js';
import type { EngineText, EngineTextArgs, FormatTextOptions, TextArg } from './texts/types.js';
import type { FlowEvent, HistoryEntry } from './types.js';
import type { DeployOverride } from '../schema/flow.js';

/**
 * Describes one event; `flow` is the version the instance ran on at that
 * point. `summary` is rendered with `options` (English, times in UTC, when
 * absent); `text` renders it again in any language.
 */
export function historyEntry(event: FlowEvent, flow: CompiledFlow | undefined, options: FormatTextOptions = EN_UTC): HistoryEntry {
  const text = historyText(event, flow);
  const entry: HistoryEntry = { seq: event.seq, at: event.at, type: event.type, summary: formatEngineText(text, options), text, event };
  if (event.actor) entry.actor = event.actor;
  const nodeId = 'nodeId' in event ? event.nodeId : event.type === 'token.moved' ? event.to : undefined;
  if (nodeId) entry.nodeId = nodeId;
  if (event.type === 'data.changed') entry.changes = event.changes;
  return entry;
}

const EN_UTC: FormatTextOptions = { locale: 'en', timeZone: 'UTC' };

/** The event as an engine text (`history.<event type>`). */
export function historyText(e: FlowEvent, flow: CompiledFlow | undefined): EngineText {
  const step = (nodeId: string): TextArg => (flow ? stepArg(flow, nodeId) : { kind: 'step', id: nodeId });
  const who = (): TextArg => actorArg(flow, e.actor);
  const t = (args: EngineTextArgs): EngineText => ({ key: `history.${e.type}`, args });
  switch (e.type) {
    case 'instance.started':
      return t({
        who: who(),
        flow: flow ? { kind: 'step', id: e.flowId, name: flow.flow.name } : { kind: 'step', id: e.flowId },
        version: e.version,
        ...(e.parent ? { parent: e.parent.instanceId } : {}),
        ...(flow?.flow.deployOverride ? { override: overrideArg(flow.flow.deployOverride) } : {}),
      });
    case 'token.moved':
      return t({ step: step(e.to) });
    case 'token.split':
      return t({ step: step(e.nodeId), count: e.branches.length });
    case 'token.joined':
      return t({ step: step(e.nodeId) });
    case 'token.held':
      return t({ step: step(e.nodeId), controls: { kind: 'list', items: e.controlIds.map((id) => controlArg(flow, id)) } });
    case 'token.ended':
      return t({ step: step(e.nodeId), ...(e.outcome ? { outcome: e.outcome } : {}) });
    case 'decision.taken': {
      const edge = flow?.flow.edges.find((x) => x.id === e.edgeId);
      const branch: TextArg = edge?.label ? { kind: 'step', id: edge.id, name: edge.label } : edge ? step(edge.target) : { kind: 'step', id: e.edgeId };
      return t({ step: step(e.nodeId), branch, byDefault: e.byDefault });
    }
    case 'task.opened':
      return t({ step: step(e.nodeId), roles: rolesArg(flow, e.roles), ...(e.dueAt !== undefined ? { dueAt: { kind: 'time', at: e.dueAt } } : {}) });
    case 'task.completed':
      return t({ who: who(), step: step(e.nodeId) });
    case 'task.escalated':
      return t({ step: step(e.nodeId), ...(e.to ? { to: rolesArg(flow, [e.to]) } : {}) });
    case 'data.changed': {
      const by: TextArg = e.cause === 'system' || e.cause === 'subflow' ? (e.nodeId ? step(e.nodeId) : actorArg(flow, undefined)) : who();
      const changes: TextArg = {
        kind: 'list',
        join: 'semi',
        items: e.changes.map((c) => {
          const info = flow?.pathInfo(c.path);
          const type = info?.ok ? { type: info.type } : {};
          const field: TextArg = flow ? fieldArg(flow, c.path) : { kind: 'field', path: c.path };
          return { kind: 'msg', key: 'history.change', args: { field, from: { kind: 'value', value: c.from, ...type }, to: { kind: 'value', value: c.to, ...type } } };
        }),
      };
      return t({ who: by, changes });
    }
    case 'control.changed':
      return t({ control: controlArg(flow, e.controlId), holds: e.holds });
    case 'alert.raised':
      return t({ to: rolesArg(flow, e.to, 'and'), message: e.text ? { kind: 'msg', ...e.text } : { kind: 'text', ...e.message } });
    case 'wait.started':
      return t({ step: step(e.nodeId), ...(e.dueAt !== undefined ? { dueAt: { kind: 'time', at: e.dueAt } } : {}) });
    case 'wait.ended':
      return t({ step: step(e.nodeId), reason: e.reason });
    case 'subflow.started':
      return t({ step: step(e.nodeId), flow: { kind: 'step', id: e.flowId }, version: e.version, child: e.childInstanceId });
    case 'subflow.completed':
      return t({ step: step(e.nodeId), ...(e.outcome ? { outcome: e.outcome } : {}) });
    case 'incident.raised':
      return t({ message: e.text ? { kind: 'msg', ...e.text } : e.message });
    case 'incident.resolved':
      return t({ incidentId: e.incidentId });
    case 'instance.completed':
      return t({ step: step(e.nodeId), ...(e.outcome ? { outcome: e.outcome } : {}) });
    case 'instance.cancelled':
      return t({ who: who(), reason: e.reason });
    case 'instance.migrated':
      return t({ who: who(), from: e.fromVersion, to: e.toVersion });
  }
}

/** "This version was deployed despite the deploy check (…), accepted by Sun Hao: …". */
function overrideArg(o: DeployOverride): TextArg {
  return { kind: 'msg', key: 'history.deployOverride', args: { rules: { kind: 'list', items: o.rules }, by: o.by, reason: o.reason } };
}

function controlArg(flow: CompiledFlow | undefined, id: string): TextArg {
  const c = flow?.flow.controls?.find((x) => x.id === id);
  return c ? { kind: 'step', id, name: c.name } : { kind: 'step', id };
}
