/**
 * Start a case: every published flow the current role may start, at the
 * version a new case runs, read from the engine's deployed definitions and
 * each flow's start access — a flow published from the designer is here as
 * soon as it is deployed. A flow that works on records offers the CRM's
 * records to start it with; left empty, its steps fill them in.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { Flow } from '@crm/flow-runtime';
import { useApp, useQuery } from '../app/context';
import { useRecordIndex } from '../app/records';
import { useStarter } from '../app/useStarter';
import { Empty, Loading, PageHeader } from '../components/bits';
import { useI18n } from '../i18n';
import { startableFlows, startFlowCase, startRecords } from '../runtime/start';
import { roleName } from '../windows/catalog-lookup';

export function StartPage() {
  const app = useApp();
  const i18n = useI18n();
  const { t, lt } = i18n;
  const flows = useQuery(async ({ rt, role }) => {
    const list = await startableFlows(rt.engine, role);
    return list.sort((a, b) => lt(a.name).localeCompare(lt(b.name), i18n.locale === 'zh' ? 'zh-CN' : 'en'));
  }, [i18n.locale]);
  const { start, error, busy } = useStarter();
  const role = roleName(app.role, i18n.locale);
  return (
    <div className="page start-page">
      <PageHeader title={t('start.title')} subtitle={t('start.subtitle', { role })} />
      {error && (
        <div className="banner refusal" role="alert">
          {error}
        </div>
      )}
      {!flows ? (
        <Loading />
      ) : flows.length === 0 ? (
        <Empty>{t('start.none', { role })}</Empty>
      ) : (
        <ul className="start-list" data-testid="startable-flows">
          {flows.map((flow) => (
            <StartCard key={flow.id} flow={flow} busy={busy} onStart={(picks) => void start((ctx) => startFlowCase(ctx, flow.id, picks))} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** A flow's description, three lines at first; "More" shows the rest when it is longer. */
function Description({ text }: { text: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [long, setLong] = useState(false);
  const box = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (el && !open) setLong(el.scrollHeight > el.clientHeight + 1);
  }, [text, open]);
  return (
    <div className="start-desc-box">
      <p ref={box} className={`muted start-desc ${open ? 'is-open' : ''}`}>
        {text}
      </p>
      {long && (
        <button type="button" className="link small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('start.less') : t('start.more')}
        </button>
      )}
    </div>
  );
}

function StartCard({ flow, busy, onStart }: { flow: Flow; busy: boolean; onStart: (picks: Record<string, string>) => void }) {
  const { t, lt } = useI18n();
  const index = useRecordIndex();
  const [picks, setPicks] = useState<Record<string, string>>({});
  const records = startRecords(flow).filter((r) => (index?.all(r.entity).length ?? 0) > 0);
  const startStep = flow.nodes.find((n) => n.kind === 'start');
  return (
    <li className="start-card" data-testid={`start-${flow.id}`}>
      <div className="start-card-head">
        <h2>{lt(flow.name)}</h2>
        <span className="muted small">{t('common.version', { v: flow.version })}</span>
      </div>
      {flow.description && <Description text={lt(flow.description)} />}
      {startStep && <p className="small">{t('start.begins', { step: lt(startStep.name) })}</p>}
      {records.length > 0 && (
        <details className="start-records">
          <summary className="small">{t('start.withRecords', { n: records.length })}</summary>
          {records.map((r) => (
            <label key={r.variable}>
              <span className="small muted">{r.name ? lt(r.name) : r.variable}</span>
              <select value={picks[r.variable] ?? ''} onChange={(e) => setPicks((p) => ({ ...p, [r.variable]: e.target.value }))}>
                <option value="">{t('start.newRecord')}</option>
                {index!.all(r.entity).map((rec) => (
                  <option key={rec.id} value={rec.id}>
                    {index!.label(r.entity, rec.id) !== rec.id ? t('common.aside', { text: index!.label(r.entity, rec.id), aside: rec.id }) : rec.id}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </details>
      )}
      <button type="button" className="primary" disabled={busy} onClick={() => onStart(Object.fromEntries(Object.entries(picks).filter(([, v]) => v)))}>
        {t('start.button')}
      </button>
    </li>
  );
}
