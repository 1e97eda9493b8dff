import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { Catalog, Flow } from '@crm/flow-runtime';
import { autoLayout } from '../canvas/auto-layout.js';
import { FlowCanvas, type CanvasOverlay } from '../canvas/FlowCanvas.js';
import { DESIGNER_READABLE_FIT } from '../canvas/fit.js';
import type { ProblemCount } from '../canvas/types.js';
import { applyLayout, replaceFlow } from '../document/commands/index.js';
import { createDocumentStore } from '../document/store.js';
import { I18nProvider, useI18n, type Locale } from '../i18n/index.js';
import { BottomPanel } from '../panels/BottomPanel.js';
import { produce } from 'immer';
import { CatalogEditor } from '../catalog/CatalogEditor.js';
import type { CatalogCommand } from '../catalog/commands.js';
import { Dialog } from '../panels/Dialog.js';
import { DiffDialog } from '../panels/DiffDialog.js';
import { Inspector } from '../panels/inspector/Inspector.js';
import { Palette } from '../panels/Palette.js';
import { SimulationPanel } from '../panels/simulation/SimulationPanel.js';
import type { SimulationScenario } from '../simulation/types.js';
import { SopDialog } from '../panels/SopDialog.js';
import { ShortcutsDialog } from '../panels/ShortcutsDialog.js';
import { ImportDialog } from '../panels/ImportDialog.js';
import { NewFlowDialog } from '../panels/NewFlowDialog.js';
import { planImport, readFlowBlob, type ImportPlan } from '../document/new-flow.js';
import { TemplatesDialog, type FlowTemplate } from '../panels/TemplatesDialog.js';
import { Toolbar } from '../panels/Toolbar.js';
import { useValidation } from '../validation/useValidation.js';
import { DesignerContext, type DesignerContextValue, type DesignerPermission } from './context.js';
import { useStateStore } from './state-store.js';
import { createUiState, select } from './ui-state.js';
import { useShortcuts } from './useShortcuts.js';
import { useDesignerLayout } from './layout-state.js';
import { restoreHistory, saveHistory } from './history-persistence.js';

/** Props of {@link FlowDesigner}. */
export interface FlowDesignerProps {
  /** The flow to edit. A new object (not one this designer emitted) opens it afresh. */
  flow: Flow;
  catalog: Catalog;
  /** Called with the flow after every change (a drag once, when it ends). */
  onChange?: (flow: Flow) => void;
  /** viewer: read-only; key-user: edits; admin: edits and publishes. Default key-user. */
  permissions?: DesignerPermission;
  /** UI language. The toolbar's switch changes it locally and reports it through `onLocaleChange`. */
  locale?: Locale;
  onLocaleChange?: (locale: Locale) => void;
  /** Admins' Publish button (shown only when given; a host with change control submits drafts for review its own way instead); disabled while the flow has errors. */
  onPublish?: (flow: Flow) => void;
  /** Sample flows and published flows offered by the templates gallery. */
  templates?: readonly FlowTemplate[];
  /** Earlier versions of this flow for the compare view. */
  versions?: readonly Flow[];
  /** Sample data and choices offered by simulation mode (examples/flows/scenarios format). */
  scenarios?: readonly SimulationScenario[];
  /** Other flows, so sub-flow steps can run in simulation and the problems panel checks them as `crm-flow lint --flows` does. */
  flows?: readonly Flow[];
  /**
   * Called with the edited catalog when an admin changes it in the catalog
   * editor (the toolbar's Catalog button appears when this is given; others
   * see the catalog read-only).
   */
  onCatalogChange?: (catalog: Catalog) => void;
  /** Called with a simulation run saved as a scenario (examples/flows/scenarios format). */
  onSaveScenario?: (scenario: SimulationScenario) => void;
  /**
   * Called with a flow file the user chose to import (parsed and checked).
   * The host decides where it goes (see `planImport`: the next draft of its
   * flow, or a new flow) and confirms first. Without it, the designer
   * confirms and replaces the open flow, keeping its version.
   */
  onImport?: (flow: Flow) => void;
  /** The host gives flows their ids (from the name, on creation): the inspector shows the id read-only. */
  idManaged?: boolean;
  /**
   * Called with a flow made by the toolbar's "New flow" (blank with the
   * departments picked as lanes, from a template, or a copy of a published
   * flow; version 1, its id made from its name and not among `flowIds`).
   * The button appears when this is given; the host opens the new flow.
   */
  onNewFlow?: (flow: Flow) => void;
  /** Ids of the host's flows (published and drafts), which a new flow's id avoids. */
  flowIds?: readonly string[];
  /** Open in simulation mode instead of editing. */
  mode?: 'edit' | 'simulate';
  className?: string;
}

/**
 * The flow designer: palette, canvas with department swimlanes, inspector,
 * problems and clarity metrics, undo/redo, auto-layout, import/export,
 * templates, version compare, simulation, and keyboard shortcuts.
 *
 * @example
 * <FlowDesigner flow={flow} catalog={catalog} permissions="admin" locale="zh" onChange={save} onPublish={publish} />
 */
export function FlowDesigner(props: FlowDesignerProps) {
  const [locale, setLocale] = useState<Locale>(props.locale ?? 'en');
  useEffect(() => setLocale(props.locale ?? 'en'), [props.locale]);
  const changeLocale = useCallback(
    (l: Locale) => {
      setLocale(l);
      props.onLocaleChange?.(l);
    },
    [props.onLocaleChange],
  );
  return (
    <I18nProvider locale={locale}>
      <ReactFlowProvider>
        <DesignerShell {...props} onLocaleChange={changeLocale} />
      </ReactFlowProvider>
    </I18nProvider>
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function DesignerShell({ flow: initial, catalog, onChange, onCatalogChange, onSaveScenario, onImport, idManaged, onNewFlow, flowIds, permissions = 'key-user', onLocaleChange, onPublish, templates, versions, scenarios, flows, mode, className }: FlowDesignerProps & { onLocaleChange: (l: Locale) => void }) {
  const { t, locale } = useI18n();
  const [store] = useState(() => {
    const created = createDocumentStore(initial);
    // A reload of the same draft brings its undo history back.
    if (permissions !== 'viewer') restoreHistory(created);
    return created;
  });
  const [ui] = useState(() => {
    const state = createUiState();
    if (mode === 'simulate') state.set({ simulating: true, bottomTab: 'simulation' });
    return state;
  });
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const flow = snapshot.flow;
  const simulating = useStateStore(ui, (s) => s.simulating);
  const dialog = useStateStore(ui, (s) => s.dialog);
  const [notice, setNotice] = useState<string | undefined>();
  const editable = permissions !== 'viewer' && !simulating;
  const fixCatalog = useMemo(
    () => (onCatalogChange && permissions === 'admin' ? (command: CatalogCommand) => onCatalogChange(produce(catalog, command.recipe)) : undefined),
    [onCatalogChange, permissions, catalog],
  );
  const ctx = useMemo<DesignerContextValue>(
    () => ({ store, ui, catalog, permission: permissions, editable, ...(fixCatalog ? { fixCatalog } : {}), ...(idManaged ? { idManaged } : {}) }),
    [store, ui, catalog, permissions, editable, fixCatalog, idManaged],
  );
  const [importing, setImporting] = useState<ImportPlan | undefined>();

  // A flow passed in that this designer did not emit is another flow: open it.
  const emitted = useRef<Flow>(initial);
  useEffect(() => {
    if (initial !== emitted.current && initial !== store.getSnapshot().flow) {
      emitted.current = initial;
      store.reset(initial);
      if (permissions !== 'viewer') restoreHistory(store);
      select(ui);
      ui.set({ fitRequest: Date.now() });
    }
  }, [initial, store, ui]);
  // The history is kept with the draft after every closed step (and undo/redo).
  useEffect(() => {
    if (permissions !== 'viewer' && !snapshot.pending && snapshot.revision > 0) saveHistory(store);
  }, [snapshot, store, permissions]);
  useEffect(() => {
    if (!onChange || snapshot.pending || snapshot.flow === emitted.current) return;
    emitted.current = snapshot.flow;
    onChange(snapshot.flow);
  }, [snapshot, onChange]);

  const validation = useValidation(flow, catalog, locale, 200, flows);
  const problems = useMemo(() => {
    const nodes = new Map<string, ProblemCount>();
    const edges = new Map<string, ProblemCount>();
    const bump = (m: Map<string, ProblemCount>, id: string, sev: string) => {
      const c = m.get(id) ?? { error: 0, warning: 0 };
      m.set(id, { error: c.error + (sev === 'error' ? 1 : 0), warning: c.warning + (sev === 'warning' ? 1 : 0) });
    };
    for (const d of validation.diagnostics) {
      if (d.severity === 'info') continue;
      for (const id of d.nodeIds) bump(nodes, id, d.severity);
      for (const id of d.edgeIds) bump(edges, id, d.severity);
    }
    return { nodes, edges };
  }, [validation.diagnostics]);

  const [simOverlay, setSimOverlay] = useState<CanvasOverlay | undefined>();
  const overlay = useMemo<CanvasOverlay>(() => ({ nodeProblems: problems.nodes, edgeProblems: problems.edges, ...(simulating ? simOverlay : {}) }), [problems, simulating, simOverlay]);
  const simulation = simulating ? <SimulationPanel flow={flow} catalog={catalog} {...(scenarios ? { scenarios } : {})} {...(flows ? { flows } : {})} {...(onSaveScenario ? { onSaveScenario } : {})} onProgress={setSimOverlay} /> : undefined;

  // The matrix and the live checks of the catalog editor see the flow being edited and the host's other flows.
  const catalogFlows = useMemo(() => [flow, ...(flows ?? []).filter((f) => f.id !== flow.id)], [flow, flows]);
  const [layout, toggleLayout] = useDesignerLayout();
  const shortcuts = useShortcuts(ctx, layout.focus ? () => toggleLayout('focus', false) : undefined);
  const root = useRef<HTMLDivElement>(null);

  const actions = {
    onAutoLayout: () => {
      void autoLayout(store.getSnapshot().flow, catalog).then((layout) => {
        store.run(applyLayout(layout));
        ui.set({ fitRequest: Date.now() });
      });
    },
    onValidate: () => {
      ui.set({ bottomTab: 'problems' });
      toggleLayout('bottom', true);
    },
    onToggleSimulation: () => {
      const next = !ui.get().simulating;
      ui.set({ simulating: next, bottomTab: next ? 'simulation' : 'problems' });
      if (next) select(ui);
    },
    onExport: () => download(`${flow.id}.v${flow.version}.json`, JSON.stringify(flow, null, 2) + '\n'),
    onImport: (file: File) => {
      void readFlowBlob(file, locale).then((read) => {
        if (!read.ok) {
          setNotice(t('import.failed', { message: read.message }));
          return;
        }
        setNotice(undefined);
        const file = read.flow;
        if (onImport) {
          onImport(file);
          return;
        }
        // On its own the designer has one flow, the open one: the file replaces it, at its version.
        const open = store.getSnapshot().flow;
        const plan = planImport(file, [{ flowId: open.id, name: open.name, latest: open.version - 1, draft: { version: open.version, name: open.name } }]);
        setImporting(plan.kind === 'new-flow' ? { ...plan, kind: 'replace-draft', flow: { ...plan.flow, version: open.version }, target: { flowId: open.id, name: open.name, latest: open.version - 1, draft: { version: open.version, name: open.name } } } : plan);
      });
    },
    onPublish: onPublish ? () => onPublish(store.getSnapshot().flow) : undefined,
    onLocale: onLocaleChange,
    canDiff: (versions?.length ?? 0) > 0,
    canCatalog: onCatalogChange !== undefined,
    canTemplates: (templates?.length ?? 0) > 0,
    ...(onNewFlow ? { onNewFlow: () => ui.set({ dialog: 'new-flow' }) } : {}),
    canSimulate: true,
    publishBlocked: validation.diagnostics.some((d) => d.severity === 'error'),
  };

  const pickTemplate = (tpl: FlowTemplate) => {
    // The template's steps and name in the open flow: its id and version stay (they are the product's).
    const open = store.getSnapshot().flow;
    const { deployOverride: _override, ...content } = structuredClone(tpl.flow);
    const next: Flow = { ...content, id: open.id, version: open.version };
    store.run(replaceFlow(next, 'Start from template'));
    ui.set({ dialog: undefined, fitRequest: Date.now() });
    select(ui);
  };

  return (
    <DesignerContext.Provider value={ctx}>
      <div
        ref={root}
        className={`cfd-root cfd-designer ${permissions === 'viewer' ? 'is-viewer' : ''} ${simulating ? 'is-simulating' : ''} ${layout.focus ? 'is-focus' : ''} ${className ?? ''}`}
        data-focus-mode={layout.focus ? 'on' : 'off'}
        lang={locale}
        tabIndex={-1}
        aria-label={t('app.label')}
        onKeyDownCapture={shortcuts.onKeyDownCapture}
        onKeyUpCapture={shortcuts.onKeyUpCapture}
        onPointerDownCapture={(e) => {
          // Keep keyboard shortcuts working after clicking the canvas.
          const target = e.target as HTMLElement;
          if (target.closest('.react-flow') && !target.closest('input,textarea,select,button') && !root.current?.contains(document.activeElement)) root.current?.focus({ preventScroll: true });
        }}
      >
        <Toolbar snapshot={snapshot} actions={actions} flow={flow} layout={layout} onLayout={toggleLayout} />
        {notice ? (
          <div className="cfd-notice" role="alert">
            {notice}
            <button type="button" className="cfd-icon-btn" onClick={() => setNotice(undefined)} aria-label={t('dialog.close')}>×</button>
          </div>
        ) : null}
        <div className="cfd-main" style={{ gridTemplateColumns: [editable && layout.palette ? '148px' : '', '1fr', layout.inspector ? '320px' : ''].filter(Boolean).join(' ') }}>
          {editable && layout.palette ? <Palette /> : null}
          <FlowCanvas flow={flow} overlay={overlay} readable={DESIGNER_READABLE_FIT} framing="open" />
          {layout.inspector ? <Inspector flow={flow} /> : null}
        </div>
        {layout.bottom || simulating ? <BottomPanel validation={validation} {...(simulation ? { simulation } : {})} /> : null}
        {dialog === 'shortcuts' ? <ShortcutsDialog onClose={() => ui.set({ dialog: undefined })} /> : null}
        {dialog === 'sop' ? <SopDialog flow={flow} catalog={catalog} onClose={() => ui.set({ dialog: undefined })} /> : null}
        {dialog === 'new-flow' && onNewFlow ? (
          <NewFlowDialog
            catalog={catalog}
            templates={templates ?? []}
            taken={[...new Set([...(flowIds ?? []), flow.id])]}
            onCreate={(made) => {
              ui.set({ dialog: undefined });
              onNewFlow(made);
            }}
            onClose={() => ui.set({ dialog: undefined })}
          />
        ) : null}
        {dialog === 'templates' && templates ? <TemplatesDialog templates={templates} onPick={pickTemplate} onClose={() => ui.set({ dialog: undefined })} /> : null}
        {dialog === 'catalog' && onCatalogChange ? (
          <Dialog title={t('catalog.title')} onClose={() => ui.set({ dialog: undefined })} wide>
            <CatalogEditor catalog={catalog} onChange={onCatalogChange} flows={catalogFlows} permissions={permissions === 'admin' ? 'admin' : 'viewer'} initialFlow={flow.id} />
          </Dialog>
        ) : null}
        {importing ? (
          <ImportDialog
            plan={importing}
            onClose={() => setImporting(undefined)}
            onConfirm={() => {
              store.run(replaceFlow(importing.flow, 'Import flow'));
              setImporting(undefined);
              select(ui);
              ui.set({ fitRequest: Date.now() });
            }}
          />
        ) : null}
        {dialog === 'diff' && versions && versions.length > 0 ? <DiffDialog versions={versions} current={flow} catalog={catalog} onClose={() => ui.set({ dialog: undefined })} /> : null}
      </div>
    </DesignerContext.Provider>
  );
}
