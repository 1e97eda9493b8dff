import { collectVarUses, formatEngineText, type VarUse, type Catalog, type Flow, type FlowEvent, type InstanceState } from '@crm/flow-runtime';
import { describeRule } from '../canvas/describe-rule.js';
import type { Locale, Translate } from '../i18n/index.js';
import type { TraceLine } from './types.js';

const pick = (t: { en: string; zh?: string } | undefined, locale: Locale) => (t ? (locale === 'zh' ? (t.zh ?? t.en) : t.en) : '');

function valueAt(data: unknown, path: string): unknown {
  let v: unknown = data;
  for (const seg of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

/** "estimate.decision = approved, customer.creditLimit = 300000": the values a rule read. */
export function valuesRead(rule: unknown, data: unknown): string {
  let uses: VarUse[];
  try {
    uses = collectVarUses(rule);
  } catch {
    return '';
  }
  const paths = [...new Set(uses.filter((u) => u.scope.kind === 'root').map((u) => u.path))].filter(Boolean);
  return paths.map((p) => `${p} = ${JSON.stringify(valueAt(data, p)) ?? '—'}`).join(', ');
}

/**
 * Turns engine events into trace lines in plain language: who did each step,
 * and for each decision the branch taken and why (its guard, the values that
 * decided it, or that no other guard held).
 */
export function traceLines(events: readonly FlowEvent[], flow: Flow, catalog: Catalog | undefined, instance: InstanceState, locale: Locale, t: Translate): TraceLine[] {
  const name = (id: string | undefined) => pick(flow.nodes.find((n) => n.id === id)?.name, locale) || id || '';
  const roleName = (r: string) => pick(catalog?.roles.find((x) => x.id === r)?.name, locale) || r;
  // Who acted: the scenario's person with their role, or only the role when the simulator stood in for one ("sales-rep user").
  const who = (actor: { id: string; name?: string; roles: readonly string[] } | undefined) => {
    if (!actor) return '';
    const role = actor.roles[0];
    const person = actor.name ?? actor.id;
    if (!role) return person;
    return person === `${role} user` ? roleName(role) : `${person} (${roleName(role)})`;
  };
  const out: TraceLine[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'instance.started':
        out.push({ seq: e.seq, kind: 'start', text: `${t('sim.start')}: ${pick(flow.name, locale)}${e.actor ? ` — ${who(e.actor)}` : ''}` });
        break;
      case 'task.completed': {
        out.push({ seq: e.seq, kind: 'step', nodeId: e.nodeId, text: `${name(e.nodeId)} ✓ ${who(e.actor)}` });
        break;
      }
      case 'decision.taken': {
        const edge = flow.edges.find((x) => x.id === e.edgeId);
        const branch = pick(edge?.label, locale) || name(edge?.target);
        let reason: string;
        if (e.byDefault || edge?.guard === undefined) {
          const others = flow.edges.filter((x) => x.source === e.nodeId && x.id !== e.edgeId && x.guard !== undefined);
          const not = others.map((x) => describeRule(x.guard, flow, catalog, locale)).join(locale === 'zh' ? '；' : '; ');
          reason = locale === 'zh' ? `其他条件都不成立（${not || '无'}），走默认分支` : `no other condition held (${not || 'none'}), so the default`;
        } else {
          const values = valuesRead(edge.guard, instance.data);
          reason = `${describeRule(edge.guard, flow, catalog, locale)}${values ? ` [${values}]` : ''}`;
        }
        out.push({ seq: e.seq, kind: 'decision', nodeId: e.nodeId, text: t('sim.decided', { node: name(e.nodeId), edge: branch, reason }) });
        break;
      }
      case 'data.changed':
        if (e.cause === 'system' && e.nodeId) out.push({ seq: e.seq, kind: 'system', nodeId: e.nodeId, text: `${name(e.nodeId)}: ${e.changes.map((c) => `${c.path} → ${JSON.stringify(c.to)}`).join(', ')}` });
        break;
      case 'wait.ended':
        out.push({ seq: e.seq, kind: 'wait', nodeId: e.nodeId, text: `${name(e.nodeId)}: ${e.reason === 'timer' ? t('node.timer') : t('node.until')}` });
        break;
      case 'alert.raised':
        out.push({ seq: e.seq, kind: 'alert', text: `⚠ ${e.text ? formatEngineText(e.text, { locale, ...(catalog ? { catalog } : {}) }) : pick(e.message, locale)} → ${e.to.map(roleName).join(', ')}` });
        break;
      case 'incident.raised':
        // The engine's text in the designer's language (the English message when an older log has none).
        out.push({ seq: e.seq, kind: 'error', ...(e.nodeId ? { nodeId: e.nodeId } : {}), text: e.text ? formatEngineText(e.text, { locale, ...(catalog ? { catalog } : {}) }) : e.message });
        break;
      case 'instance.completed':
        out.push({ seq: e.seq, kind: 'end', nodeId: e.nodeId, text: t('sim.done', { outcome: e.outcome ?? name(e.nodeId) }) });
        break;
      default:
        break;
    }
  }
  return out;
}
