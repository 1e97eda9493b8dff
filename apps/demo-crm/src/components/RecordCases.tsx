/**
 * The flow instances ("cases") a record takes part in: flow, version,
 * status, where it stands now.
 */
import type { InstanceState } from '@crm/flow-runtime';
import { useQuery } from '../app/context';
import { href } from '../app/router';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { Chip } from './bits';
import { outcomeName } from './outcome';

export interface CaseRow {
  state: InstanceState;
  flowName: { en: string; zh?: string };
  at: { en: string; zh?: string }[];
  /** Where a finished case ended (the end step's name). */
  ended: { en: string; zh?: string } | undefined;
}

/** Cases of a record, newest first. */
export function useRecordCases(entity: string, recordId: string | undefined): CaseRow[] | undefined {
  return useQuery(
    async ({ rt }) => {
      if (!recordId) return [];
      const links = await rt.db.links.where('[entity+recordId]').equals([entity, recordId]).toArray();
      const rows: CaseRow[] = [];
      for (const id of new Set(links.map((l) => l.instanceId))) {
        const state = await rt.engine.instance(id);
        const flow = await rt.engine.definition(state.flowId, state.version);
        const nodeIds = [
          ...Object.values(state.tasks).filter((x) => x.status === 'open').map((x) => x.nodeId),
          ...Object.values(state.tokens).filter((tk) => tk.waiting === 'wait' || tk.waiting === 'subflow').map((tk) => tk.nodeId),
        ];
        const at = nodeIds.flatMap((id) => {
          const n = flow.nodes.find((x) => x.id === id);
          return n ? [n.name] : [];
        });
        rows.push({ state, flowName: flow.name, at, ended: outcomeName(flow, state) });
      }
      return rows.sort((a, b) => b.state.startedAt - a.state.startedAt);
    },
    [entity, recordId],
  );
}

export function RecordCases({ entity, recordId }: { entity: string; recordId: string }) {
  const { t, lt, dateTime } = useI18n();
  const rows = useRecordCases(entity, recordId);
  if (!rows) return null;
  if (rows.length === 0) return <p className="muted">{t('cases.none')}</p>;
  return (
    <ul className="cases" data-testid="cases">
      {rows.map(({ state, flowName, at, ended }) => (
        <li key={state.instanceId}>
          <a href={href('instance', state.instanceId)}>
            {lt(flowName)} #{state.instanceId}
          </a>{' '}
          <Chip tone="info">{t('common.version', { v: state.version })}</Chip> <Chip tone={state.status === 'completed' ? 'ok' : state.status === 'active' ? 'warn' : 'bad'}>{t(`instance.status.${state.status}` as MessageKey)}</Chip>
          <span className="muted small">
            {' '}
            {at.length > 0 ? t('cases.at', { steps: at.map((s) => lt(s)).join(', ') }) : ended && state.status !== 'active' ? t('instance.outcome', { outcome: lt(ended) }) : ''} · {dateTime(state.startedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
