import { useEffect, useMemo, useRef, useState } from 'react';
import type { Catalog, Flow } from '@crm/flow-runtime';
import { Icon } from '../../canvas/icons.js';
import type { CanvasOverlay } from '../../canvas/FlowCanvas.js';
import { useDesigner } from '../../designer/context.js';
import { instanceProgress } from '../../designer/progress.js';
import { useI18n } from '../../i18n/index.js';
import { Simulator, type SimulationState } from '../../simulation/simulator.js';
import { traceLines } from '../../simulation/trace.js';
import type { SimulationScenario } from '../../simulation/types.js';

/** Props of {@link SimulationPanel}. */
export interface SimulationPanelProps {
  flow: Flow;
  catalog: Catalog;
  /** Sample data and choices to pick from. */
  scenarios?: readonly SimulationScenario[];
  /** Other flows, so sub-flow steps can run. */
  flows?: readonly Flow[];
  /** Reports what the canvas should highlight: the active step and the path taken. */
  onProgress: (overlay: CanvasOverlay | undefined) => void;
}

const show = (v: unknown) => JSON.stringify(v ?? {}, null, 2);

/**
 * Conference-room testing: choose sample data and choices, then step through
 * the flow on the real engine; the trace lists each step, who did it, and for
 * each decision the values that decided it.
 */
export function SimulationPanel({ flow, catalog, scenarios = [], flows = [], onProgress }: SimulationPanelProps) {
  const { t, text, locale } = useI18n();
  const { ui } = useDesigner();
  const [pick, setPick] = useState(scenarios.length > 0 ? 0 : -1);
  const scenario = pick >= 0 ? scenarios[pick] : undefined;
  const [dataText, setDataText] = useState(() => show(scenario?.data));
  const [choicesText, setChoicesText] = useState(() => show({ choices: scenario?.choices ?? {}, actors: scenario?.actors ?? {} }));
  const [state, setState] = useState<SimulationState | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const sim = useRef<Simulator | undefined>(undefined);

  useEffect(() => {
    setDataText(show(scenario?.data));
    setChoicesText(show({ choices: scenario?.choices ?? {}, actors: scenario?.actors ?? {} }));
  }, [scenario]);
  useEffect(() => () => onProgress(undefined), []); // clear the highlight when the panel closes

  const report = (s: SimulationState) => {
    setState(s);
    const p = instanceProgress(flow, s.instance, s.events);
    onProgress({ status: p.status, takenEdges: p.taken });
  };

  const guarded = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(t('sim.error', { message: e instanceof Error ? e.message : String(e) }));
      if (sim.current) report(sim.current.current);
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    guarded(async () => {
      const data = JSON.parse(dataText || '{}') as SimulationScenario['data'];
      const rest = JSON.parse(choicesText || '{}') as Pick<SimulationScenario, 'choices' | 'actors'>;
      sim.current = await Simulator.start(flow, catalog, { ...(data ? { data } : {}), ...rest }, flows);
      report(sim.current.current);
    });
  const step = () => guarded(async () => report(await sim.current!.step()));
  const run = () => guarded(async () => report(await sim.current!.run()));
  const reset = () => {
    sim.current = undefined;
    setState(undefined);
    setError(undefined);
    onProgress(undefined);
  };

  const lines = useMemo(() => (state ? traceLines(state.events, flow, catalog, state.instance, locale, t) : []), [state, flow, catalog, locale, t]);
  const active = state ? Object.values(state.instance.tasks).filter((x) => x.status === 'open').map((x) => text(flow.nodes.find((n) => n.id === x.nodeId)?.name)) : [];

  return (
    <div className="cfd-sim" data-testid="simulation">
      <div className="cfd-sim-controls">
        <label className="cfd-row">
          <span className="cfd-row-label">{t('sim.title')}</span>
          <select className="cfd-input" value={pick} onChange={(e) => setPick(Number(e.target.value))} disabled={!!state} data-testid="sim-scenario">
            <option value={-1}>{t('condition.none')}</option>
            {scenarios.map((s, i) => (
              <option key={i} value={i}>{s.name ? text(s.name) : `#${i + 1}`}</option>
            ))}
          </select>
        </label>
        {!state ? (
          <>
            <textarea className="cfd-input" aria-label={t('sim.data')} value={dataText} onChange={(e) => setDataText(e.target.value)} spellCheck={false} />
            <textarea className="cfd-input" aria-label={t('sim.choose')} value={choicesText} onChange={(e) => setChoicesText(e.target.value)} spellCheck={false} />
          </>
        ) : (
          <p className="cfd-sim-status" role="status">
            {state.finished ? t('sim.done', { outcome: state.instance.outcome ?? state.instance.status }) : t('sim.active', { steps: active.join(', ') || '—' })}
          </p>
        )}
        <div className="cfd-sim-buttons">
          {!state ? (
            <button type="button" className="cfd-btn cfd-btn-primary" onClick={start} disabled={busy} data-testid="sim-start">
              <Icon name="play" size={13} /> {t('sim.start')}
            </button>
          ) : (
            <>
              <button type="button" className="cfd-btn cfd-btn-primary" onClick={step} disabled={busy || state.finished} data-testid="sim-step">{t('sim.step')}</button>
              <button type="button" className="cfd-btn" onClick={run} disabled={busy || state.finished} data-testid="sim-run">{t('sim.run')}</button>
              <button type="button" className="cfd-btn" onClick={reset} disabled={busy} data-testid="sim-reset">{t('sim.reset')}</button>
            </>
          )}
        </div>
        {error ? <p className="cfd-json-status is-error" role="alert">{error}</p> : null}
      </div>
      <ol className="cfd-trace" aria-label={t('problems.traceTab')} data-testid="sim-trace">
        {lines.map((l) => (
          <li key={`${l.seq}-${l.kind}`} className={l.kind === 'decision' ? 'cfd-trace-decision' : l.kind === 'error' ? 'cfd-trace-error' : ''}>
            <span className="cfd-trace-seq">{l.seq}</span>
            {l.nodeId ? (
              <button type="button" className="cfd-link" onClick={() => ui.set({ focusRequest: { nodeId: l.nodeId!, at: Date.now() } })}>{l.text}</button>
            ) : (
              <span>{l.text}</span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
