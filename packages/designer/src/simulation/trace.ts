import { collectVarUses, describeValue, formatEngineText, type VarUse, type Catalog, type Flow, type FlowEvent, type InstanceState, type LocalizedText } from '@crm/flow-runtime';
import { fieldText } from '../forms/FieldWidget.js';
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

/** The catalog field (or the flow variable) a data path names, when it names one. */
function fieldAt(path: string, flow: Flow, catalog: Catalog | undefined): { type: string; options?: Catalog['entities'][number]['fields'][number]['options'] } | undefined {
  const [head, field, ...rest] = path.split('.');
  const v = head === undefined ? undefined : flow.data?.[head];
  if (!v) return undefined;
  if (field === undefined) return v.type === 'record' ? undefined : v;
  if (v.type !== 'record' || rest.length > 0) return undefined;
  return catalog?.entities.find((e) => e.id === v.entity)?.fields.find((f) => f.id === field);
}

/**
 * A value a rule read or a step wrote, as a person reads it: the field's
 * name ("credit limit") and its value in the reader's language (dates as
 * days, option names, money grouped), never a data path or JSON.
 */
export function readable(path: string, value: unknown, flow: Flow, catalog: Catalog | undefined, locale: Locale, t?: Translate, data?: unknown): { label: string; value: string } {
  let label: string;
  try {
    label = describeValue({ var: path }, catalog, locale, flow);
  } catch {
    label = path;
  }
  const field = fieldAt(path, flow, catalog);
  const yes = t ? t('common.yes') : locale === 'zh' ? '是' : 'yes';
  const no = t ? t('common.no') : locale === 'zh' ? '否' : 'no';
  const named = field ? recordName(value, field, flow, data) : undefined;
  if (named) return { label, value: locale === 'zh' ? `${named}（${String(value)}）` : `${named} (${String(value)})` };
  const shown = field ? fieldText(value, field, (x) => pick(x, locale), yes, no, locale) : value === undefined || value === null ? '—' : typeof value === 'object' ? (Array.isArray(value) ? `${value.length} ×` : '…') : typeof value === 'boolean' ? (value ? yes : no) : String(value);
  return { label, value: shown };
}

/**
 * The name of the record a reference points at, when the flow's data holds
 * that record (a record variable of the same entity with that id and a
 * `name`): "Suzhou Hengtai Precision" rather than the bare id "C-0001".
 */
export function recordName(value: unknown, field: { type: string; entity?: string }, flow: Flow, data: unknown): string | undefined {
  if (field.type !== 'reference' || typeof value !== 'string' || !data || typeof data !== 'object') return undefined;
  for (const [name, v] of Object.entries(flow.data)) {
    if (v.type !== 'record' || (field.entity && v.entity !== field.entity)) continue;
    const rec = (data as Record<string, unknown>)[name] as Record<string, unknown> | undefined;
    if (rec && rec.id === value && typeof rec.name === 'string' && rec.name) return rec.name;
  }
  return undefined;
}

/** "decision = approved, credit limit = 300,000": the values a rule read, by name. */
export function valuesRead(rule: unknown, data: unknown, flow?: Flow, catalog?: Catalog, locale: Locale = 'en', t?: Translate): string {
  let uses: VarUse[];
  try {
    uses = collectVarUses(rule);
  } catch {
    return '';
  }
  const paths = [...new Set(uses.filter((u) => u.scope.kind === 'root').map((u) => u.path))].filter(Boolean);
  if (!flow) return paths.map((p) => `${p} = ${JSON.stringify(valueAt(data, p)) ?? '—'}`).join(', ');
  return paths
    .map((p) => {
      const r = readable(p, valueAt(data, p), flow, catalog, locale, t, data);
      return `${r.label} = ${r.value}`;
    })
    .join(locale === 'zh' ? '，' : ', ');
}

/**
 * Turns engine events into trace lines in plain language: who did each step,
 * and for each decision the branch taken and why (its guard, the values that
 * decided it, or that no other guard held).
 */
export function traceLines(events: readonly FlowEvent[], flow: Flow, catalog: Catalog | undefined, instance: InstanceState, locale: Locale, t: Translate, people: ReadonlyMap<string, LocalizedText> = new Map()): TraceLine[] {
  const name = (id: string | undefined) => pick(flow.nodes.find((n) => n.id === id)?.name, locale) || id || '';
  const roleName = (r: string) => pick(catalog?.roles.find((x) => x.id === r)?.name, locale) || r;
  // Who acted: the scenario's person with their role, or only the role when the simulator stood in for one ("sales-rep user").
  const who = (actor: { id: string; name?: string; roles: readonly string[] } | undefined) => {
    if (!actor) return '';
    const role = actor.roles[0];
    const named = people.get(actor.id);
    const person = named ? pick(named, locale) : (actor.name ?? actor.id);
    if (!role) return person;
    return person === `${role} user` ? roleName(role) : t('common.aside', { text: person, aside: roleName(role) });
  };
  // An end is named as the flow draws it ("Approved"), its outcome id only when the end has no name.
  const endName = (nodeId: string | undefined, outcome: string | undefined) => {
    const n = flow.nodes.find((x) => x.id === nodeId);
    return (n ? pick(n.name, locale) : '') || outcome || nodeId || '';
  };
  // Chinese text takes the full-width colon.
  const colon = locale === 'zh' ? '：' : ': ';
  const out: TraceLine[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'instance.started':
        out.push({ seq: e.seq, kind: 'start', text: `${t('sim.start')}${colon}${pick(flow.name, locale)}${e.actor ? ` — ${who(e.actor)}` : ''}` });
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
          const values = valuesRead(edge.guard, instance.data, flow, catalog, locale, t);
          reason = `${describeRule(edge.guard, flow, catalog, locale)}${values ? (locale === 'zh' ? `［${values}］` : ` [${values}]`) : ''}`;
        }
        out.push({ seq: e.seq, kind: 'decision', nodeId: e.nodeId, text: t('sim.decided', { node: name(e.nodeId), edge: branch, reason }) });
        break;
      }
      case 'data.changed':
        if (e.cause === 'system' && e.nodeId) out.push({ seq: e.seq, kind: 'system', nodeId: e.nodeId, text: `${name(e.nodeId)}${colon}${e.changes.map((c) => { const r = readable(c.path, c.to, flow, catalog, locale, t, instance.data); return `${r.label} → ${r.value}`; }).join(locale === 'zh' ? '，' : ', ')}` });
        break;
      case 'wait.ended':
        out.push({ seq: e.seq, kind: 'wait', nodeId: e.nodeId, text: `${name(e.nodeId)}${colon}${e.reason === 'timer' ? t('node.timer') : t('node.until')}` });
        break;
      case 'alert.raised':
        out.push({ seq: e.seq, kind: 'alert', text: `⚠ ${e.text ? formatEngineText(e.text, { locale, ...(catalog ? { catalog } : {}) }) : pick(e.message, locale)} → ${e.to.map(roleName).join(', ')}` });
        break;
      case 'incident.raised':
        // The engine's text in the designer's language (the English message when an older log has none).
        out.push({ seq: e.seq, kind: 'error', ...(e.nodeId ? { nodeId: e.nodeId } : {}), text: e.text ? formatEngineText(e.text, { locale, ...(catalog ? { catalog } : {}) }) : e.message });
        break;
      case 'instance.completed':
        out.push({ seq: e.seq, kind: 'end', nodeId: e.nodeId, text: t('sim.done', { outcome: endName(e.nodeId, e.outcome) }) });
        break;
      default:
        break;
    }
  }
  return out;
}
