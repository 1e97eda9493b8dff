/**
 * The audit trail of an instance in the user's language: who did what and
 * when, with the data they changed. Built from the engine's history; the
 * engine's own English sentence is the tooltip.
 */
import type { Flow, HistoryEntry } from '@crm/flow-runtime';
import { useI18n } from '../i18n';
import { userName } from '../runtime/actors';
import { pathName } from '../runtime/refusal';
import { engineText } from '../runtime/engine-text';
import { field, roleName } from '../windows/catalog-lookup';
import { useFormatValue } from '../windows/FieldValue';
import { useRecordIndex } from '../app/records';

/** Event types that say nothing a reader of the trail needs. */
const QUIET = new Set(['token.moved', 'token.split', 'token.joined']);

function clip(s: string): string {
  return s.length > 48 ? `${s.slice(0, 47)}…` : s;
}

export function Timeline({ entries, flow }: { entries: readonly HistoryEntry[]; flow: Flow }) {
  const i18n = useI18n();
  const index = useRecordIndex();
  const format = useFormatValue();
  /** A changed value as the field shows it (option names, money, record names). */
  const show = (path: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    const [root, fieldId] = path.split('.');
    const variable = root ? flow.data?.[root] : undefined;
    const def = variable?.entity && fieldId ? field(variable.entity, fieldId) : undefined;
    if (def) return clip(format(def, v, index));
    if (typeof v === 'object') return Array.isArray(v) ? i18n.t('common.items', { n: v.length }) : '{…}';
    return clip(String(v));
  };
  const { t, lt, dateTime } = i18n;
  const step = (id: string | undefined) => lt(flow.nodes.find((n) => n.id === id)?.name) || id || '';
  const zh = i18n.locale === 'zh';
  const sep = zh ? '、' : ', ';
  const who = (e: HistoryEntry) =>
    e.actor
      ? e.actor.system
        ? t('timeline.system')
        : `${userName(e.actor.id, i18n.locale) || e.actor.id}${zh ? '（' : ' ('}${e.actor.roles.map((r) => roleName(r, i18n.locale)).join(sep)}${zh ? '）' : ')'}`
      : t('timeline.flow');
  const sentence = (e: HistoryEntry): string | undefined => {
    const ev = e.event;
    switch (ev.type) {
      case 'instance.started':
        return t('timeline.started', { who: who(e), v: ev.version });
      case 'task.opened':
        return t('timeline.opened', { step: step(ev.nodeId), roles: ev.roles.map((r) => roleName(r, i18n.locale)).join(sep) });
      case 'task.completed':
        return t('timeline.completed', { who: who(e), step: step(ev.nodeId) });
      case 'task.escalated':
        return t('timeline.escalated', { step: step(ev.nodeId), to: ev.to ? roleName(ev.to, i18n.locale) : '—' });
      case 'decision.taken': {
        const edge = flow.edges.find((x) => x.id === ev.edgeId);
        const target = step(edge?.target);
        return t(ev.byDefault ? 'timeline.decidedDefault' : 'timeline.decided', { step: step(ev.nodeId), branch: lt(edge?.label) || target });
      }
      case 'data.changed':
        return t(ev.cause === 'system' ? 'timeline.systemChanged' : 'timeline.changed', { who: ev.cause === 'system' ? step(ev.nodeId) : who(e), n: ev.changes.length });
      case 'control.changed': {
        const c = flow.controls?.find((x) => x.id === ev.controlId);
        return t(ev.holds ? 'timeline.controlOn' : 'timeline.controlOff', { control: lt(c?.name) || ev.controlId });
      }
      case 'alert.raised':
        return t('timeline.alert', { message: ev.text ? engineText(i18n, ev.text) : lt(ev.message) });
      case 'wait.started':
        return t('timeline.waitStarted', { step: step(ev.nodeId) });
      case 'wait.ended':
        return t(ev.reason === 'timer' ? 'timeline.waitTimer' : 'timeline.waitCondition', { step: step(ev.nodeId) });
      case 'token.held':
        return t('timeline.held', { step: step(ev.nodeId) });
      case 'subflow.started':
        return t('timeline.subStarted', { step: step(ev.nodeId) });
      case 'subflow.completed':
        return t('timeline.subCompleted', { step: step(ev.nodeId), outcome: ev.outcome ?? '—' });
      case 'incident.raised':
        return t('timeline.incident', { message: engineText(i18n, ev.text, ev.message) });
      case 'incident.resolved':
        return t('timeline.incidentResolved');
      case 'instance.completed':
        return t('timeline.instanceCompleted', { step: step(ev.nodeId) });
      case 'instance.cancelled':
        return t('timeline.cancelled', { who: who(e), reason: ev.reason });
      case 'instance.migrated':
        return t('timeline.migrated', { from: ev.fromVersion, to: ev.toVersion });
      case 'token.ended':
        return undefined;
      default:
        return QUIET.has(ev.type) ? undefined : e.summary;
    }
  };
  const rows = entries.map((e) => ({ e, text: sentence(e) })).filter((r) => r.text !== undefined);
  return (
    <ol className="timeline" data-testid="timeline">
      {rows.map(({ e, text }) => (
        <li key={e.seq} className={`tl tl-${e.type.replace('.', '-')}`} title={engineText(i18n, e.text, e.summary)}>
          <time className="muted small">{dateTime(e.at)}</time>
          <div>
            <div>{text}</div>
            {e.event.type === 'data.changed' && e.changes && e.changes.length > 0 && (
              <ul className="changes small">
                {e.changes.map((c, i) => (
                  <li key={i}>
                    {pathName(c.path, { i18n, flow })}
                    {zh ? '：' : ': '}
                    <span className="muted">{show(c.path, c.from)}</span> → <strong>{show(c.path, c.to)}</strong>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
