import { useEffect, useMemo, useRef, useState } from 'react';
import { formatEngineText, isEngineError, type Catalog, type Flow, type LocalizedText } from '@crm/flow-runtime';
import { testScenarios, type ScenarioReport } from '@crm/flow-runtime/analysis';
import { fieldText as formatField } from '../../forms/FieldWidget.js';
import { StepForm } from './StepForm.js';
import { walkablePart } from '../../simulation/partial.js';
import { checkFlow } from '../../validation/check-flow.js';
import { readableMessage } from '../../validation/readable.js';
import { Icon } from '../../canvas/icons.js';
import type { CanvasOverlay } from '../../canvas/FlowCanvas.js';
import { useDesigner } from '../../designer/context.js';
import { instanceProgress } from '../../designer/progress.js';
import { useI18n } from '../../i18n/index.js';
import { Simulator, type SimulationState } from '../../simulation/simulator.js';
import { recordName, traceLines } from '../../simulation/trace.js';
import { scenarioPeople, type SimulationScenario } from '../../simulation/types.js';

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
  /** Called with a run saved as a scenario (examples/flows/scenarios format), for the host to keep. */
  onSaveScenario?: (scenario: SimulationScenario) => void;
}

const show = (v: unknown) => JSON.stringify(v ?? {}, null, 2);

/**
 * Conference-room testing: choose sample data and choices, then step through
 * the flow on the real engine; the trace lists each step, who did it, and for
 * each decision the values that decided it.
 */
export function SimulationPanel({ flow, catalog, scenarios: given = [], flows = [], onProgress, onSaveScenario }: SimulationPanelProps) {
  const { t, text, locale } = useI18n();
  const { ui } = useDesigner();
  const [saved, setSaved] = useState<SimulationScenario[]>([]);
  const scenarios = useMemo(() => [...given, ...saved], [given, saved]);
  const [pick, setPick] = useState(given.length > 0 ? 0 : -1);
  const scenario = pick >= 0 ? scenarios[pick] : undefined;
  const [saveName, setSaveName] = useState('');
  const [notice, setNotice] = useState<string | undefined>();
  const [coverage, setCoverage] = useState<ScenarioReport['coverage'] | undefined>();
  // Path coverage of the saved and given scenarios, measured on the engine.
  useEffect(() => {
    let live = true;
    setCoverage(undefined);
    if (!scenarios.length) return;
    const registry = new Map<string, Flow[]>();
    for (const f of flows) registry.set(f.id, [...(registry.get(f.id) ?? []), f]);
    void testScenarios(flow, scenarios.map((s) => ({ ...s, actors: s.actors ?? {} })), { catalog, flows: registry, locale })
      .then((r) => live && setCoverage(r.coverage))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [flow, scenarios, catalog, flows, locale]);
  const [dataText, setDataText] = useState(() => show(scenario?.data));
  const [choicesText, setChoicesText] = useState(() => show({ choices: scenario?.choices ?? {}, actors: scenario?.actors ?? {} }));
  const [state, setState] = useState<SimulationState | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const sim = useRef<Simulator | undefined>(undefined);
  const [people, setPeople] = useState<ReadonlyMap<string, LocalizedText>>(new Map());

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
      // Engine refusals in the designer's language, from their code and details.
      setError(t('sim.error', { message: isEngineError(e) ? formatEngineText(e.code, e.details, { locale, ...(catalog ? { catalog } : {}) }) : e instanceof Error ? e.message : String(e) }));
      if (sim.current) report(sim.current.current);
    } finally {
      setBusy(false);
    }
  };

  const [stoppers, setStoppers] = useState<{ messages: string[]; walkable: boolean } | undefined>();
  const start = () =>
    guarded(async () => {
      const data = JSON.parse(dataText || '{}') as SimulationScenario['data'];
      const rest = JSON.parse(choicesText || '{}') as Pick<SimulationScenario, 'choices' | 'actors'>;
      const sc = { ...(data ? { data } : {}), ...rest };
      setPeople(scenarioPeople(sc));
      setStoppers(undefined);
      // Warnings never stop a run. Errors do: name them, and walk the part before them.
      const errors = checkFlow(flow, catalog, locale, flows).diagnostics.filter((d) => d.severity === 'error');
      if (errors.length) {
        const part = walkablePart(flow, errors);
        setStoppers({ messages: errors.map((d) => readableMessage(d.message, flow, locale)), walkable: part !== undefined });
        if (!part) return;
        sim.current = await Simulator.start(part.flow, catalog, sc, flows);
      } else {
        sim.current = await Simulator.start(flow, catalog, sc, flows);
      }
      report(sim.current.current);
    });
  const step = () => guarded(async () => report(await sim.current!.step()));
  const completeWith = (data: Record<string, unknown>, role: string | undefined) => guarded(async () => report(await sim.current!.completeWith(data, role)));
  const save = () => {
    if (!sim.current || !saveName.trim()) return;
    const name = saveName.trim();
    const sc = sim.current.toScenario({ en: name, zh: name });
    // A host that keeps scenarios hands them back through `scenarios`; otherwise they live in the panel.
    if (onSaveScenario) onSaveScenario(sc);
    else setSaved((s) => [...s, sc]);
    setNotice(t('sim.saved', { name }));
    setSaveName('');
  };
  const run = () => guarded(async () => report(await sim.current!.run()));
  const reset = () => {
    sim.current = undefined;
    setStoppers(undefined);
    setState(undefined);
    setError(undefined);
    onProgress(undefined);
  };

  // A person (a user field) by their name in the reader's language when the scenario names them per language.
  // A reference to a record the run holds, by that record's name with its id.
  const shown = (value: unknown, field: Parameters<typeof formatField>[1] & { entity?: string }) => {
    if (field.type === 'user' && typeof value === 'string' && people.has(value)) return text(people.get(value));
    const named = state ? recordName(value, field, flow, state.instance.data) : undefined;
    if (named) return t('common.aside', { text: named, aside: String(value) });
    return formatField(value, field, text, t('common.yes'), t('common.no'), locale);
  };
  const lines = useMemo(() => (state ? traceLines(state.events, flow, catalog, state.instance, locale, t, people) : []), [state, flow, catalog, locale, t, people]);
  const active = state ? Object.values(state.instance.tasks).filter((x) => x.status === 'open').map((x) => text(flow.nodes.find((n) => n.id === x.nodeId)?.name)) : [];

  return (
    <div className="cfd-sim" data-testid="simulation">
      <div className="cfd-sim-controls">
        <label className="cfd-row">
          <span className="cfd-row-label">{t('sim.scenario')}</span>
          <select className="cfd-input" value={pick} onChange={(e) => setPick(Number(e.target.value))} disabled={!!state} data-testid="sim-scenario">
            <option value={-1}>{t('sim.noScenario')}</option>
            {scenarios.map((s, i) => (
              <option key={i} value={i}>{s.name ? text(s.name) : `#${i + 1}`}</option>
            ))}
          </select>
        </label>
        {!state ? (
          <details className="cfd-sim-json">
            <summary>{t('sim.json')}</summary>
            <textarea className="cfd-input" aria-label={t('sim.data')} value={dataText} onChange={(e) => setDataText(e.target.value)} spellCheck={false} />
            <textarea className="cfd-input" aria-label={t('sim.choose')} value={choicesText} onChange={(e) => setChoicesText(e.target.value)} spellCheck={false} />
          </details>
        ) : (
          <p className="cfd-sim-status" role="status">
            {state.finished ? ([...lines].reverse().find((l) => l.kind === 'end')?.text ?? t('sim.done', { outcome: state.instance.outcome ?? state.instance.status })) : t('sim.active', { steps: active.join(', ') || '—' })}
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
        {stoppers ? (
          <div className="cfd-sim-stoppers" role="alert" data-testid="sim-stoppers">
            <strong>{stoppers.walkable ? t('sim.stoppedBefore') : t('sim.cannotStart')}</strong>
            <ul>
              {stoppers.messages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {state && sim.current?.openTask ? (
          <StepForm key={`${sim.current.openTask.taskId}-${state.instance.seq}`} flow={flow} catalog={catalog} instance={state.instance} task={sim.current.openTask} busy={busy} onComplete={(d, r) => void completeWith(d, r)} />
        ) : null}
        {state ? (
          <div className="cfd-sim-save">
            <input className="cfd-input" aria-label={t('sim.saveName')} placeholder={t('sim.saveName')} value={saveName} onChange={(e) => setSaveName(e.target.value)} data-testid="sim-save-name" />
            <button type="button" className="cfd-btn" onClick={save} disabled={!saveName.trim()} data-testid="sim-save">{t('sim.save')}</button>
          </div>
        ) : null}
        {notice ? <p className="cfd-muted" role="status">{notice}</p> : null}
        <p className="cfd-sim-coverage" data-testid="sim-coverage">
          {scenarios.length === 0
            ? null
            : coverage
              ? t('sim.coverage', { paths: coverage.paths.covered, pathsTotal: coverage.paths.total, branches: coverage.branches.covered, branchesTotal: coverage.branches.total, ends: coverage.ends.covered, endsTotal: coverage.ends.total })
              : t('sim.checking')}
          {coverage && coverage.branches.uncovered.length ? (
            <span className="cfd-muted"> {t('sim.uncovered', { list: coverage.branches.uncovered.map((id) => {
              const e = flow.edges.find((x) => x.id === id);
              const n = (nid: string | undefined) => text(flow.nodes.find((x) => x.id === nid)?.name);
              return e ? (e.label ? t('common.aside', { text: `${n(e.source)} → ${n(e.target)}`, aside: text(e.label) }) : `${n(e.source)} → ${n(e.target)}`) : id;
            }).join('; ') })}</span>
          ) : null}
        </p>
      </div>
      {state ? (
        <table className="cfd-sim-data" aria-label={t('sim.variables')} data-testid="sim-data">
          <caption>{t('sim.variables')}</caption>
          <tbody>
            {Object.entries(flow.data).flatMap(([name, v]) => {
              const value = (state.instance.data as Record<string, unknown>)[name];
              if (v.type !== 'record') return [<tr key={name}><th>{text(v.name) || name}</th><td>{shown(value, v)}</td></tr>];
              const entity = catalog.entities.find((e) => e.id === v.entity);
              const rec = (value ?? {}) as Record<string, unknown>;
              const filled = (entity?.fields ?? []).filter((f) => rec[f.id] !== undefined && rec[f.id] !== null && f.type !== 'list');
              // A record variable without a name of its own reads as its entity ("Complaint"), not its id.
              return [<tr key={name}><th>{text(v.name) || text(entity?.name) || name}</th><td>{filled.map((f) => t('sim.fieldValue', { field: text(f.name), value: shown(rec[f.id], f) })).join(' · ') || '—'}</td></tr>];
            })}
          </tbody>
        </table>
      ) : null}
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
