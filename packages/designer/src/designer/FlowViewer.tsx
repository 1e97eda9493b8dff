import { useEffect, useMemo, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { Catalog, Flow } from '@crm/flow-runtime';
import { FlowCanvas, type CanvasOverlay } from '../canvas/FlowCanvas.js';
import { DEFAULT_READABLE_FIT } from '../canvas/fit.js';
import type { DiffMark } from '../canvas/types.js';
import { createDocumentStore } from '../document/store.js';
import { I18nProvider, type Locale } from '../i18n/index.js';
import { DesignerContext, type DesignerContextValue } from './context.js';
import { instanceProgress, type InstanceLike, type PathEventLike } from './progress.js';
import { createUiState } from './ui-state.js';

const NO_CATALOG: Catalog = { id: 'none', name: { en: 'No catalog' }, departments: [], roles: [], entities: [], windows: [] };

/** Props of {@link FlowViewer}. */
export interface FlowViewerProps {
  flow: Flow;
  /** Names and colours of departments, roles and windows; without it lanes show department ids in grey. */
  catalog?: Catalog;
  /** An instance (the engine's `InstanceState`) whose progress to show: done, active, waiting, skipped. */
  instance?: InstanceLike;
  /** The instance's events, to highlight exactly the edges taken. */
  events?: readonly PathEventLike[];
  locale?: Locale;
  /** Marks of a version diff (by node id and `edge:<id>`). */
  diff?: ReadonlyMap<string, DiffMark>;
  /**
   * Show React Flow's minimap. Off by default: on a diagram embedded in a
   * page it covers part of the flow. Turn it on for large flows people
   * navigate in a big pane.
   */
  minimap?: boolean;
  /**
   * The smallest zoom the viewer opens at (default 0.75), so step names stay
   * legible. A flow that fits at a larger zoom is shown whole (at most 100 %),
   * centred; a wider one opens at its start and the rest is a pan away. Pass a
   * small value (e.g. 0.1) to always show the whole flow.
   */
  minFitZoom?: number;
  className?: string;
}

/**
 * The read-only canvas: same look as the designer, no editing; shows an
 * instance's progress when given one. Opens framed for reading: the whole
 * flow when it fits at `minFitZoom` or more, else its start at that zoom.
 *
 * @example
 * <FlowViewer flow={flow} catalog={catalog} instance={await engine.instance(id)} locale="zh" />
 */
export function FlowViewer({ flow, catalog = NO_CATALOG, instance, events, locale = 'en', diff, minimap = false, minFitZoom = DEFAULT_READABLE_FIT.minZoom, className }: FlowViewerProps) {
  const [store] = useState(() => createDocumentStore(flow));
  const [ui] = useState(createUiState);
  useEffect(() => store.reset(flow), [flow, store]);
  const ctx = useMemo<DesignerContextValue>(() => ({ store, ui, catalog, permission: 'viewer', editable: false }), [store, ui, catalog]);
  const overlay = useMemo<CanvasOverlay>(() => {
    const p = instance ? instanceProgress(flow, instance, events) : undefined;
    return { ...(p ? { status: p.status, takenEdges: p.taken } : {}), ...(diff ? { diff } : {}) };
  }, [flow, instance, events, diff]);
  const readable = useMemo(() => ({ ...DEFAULT_READABLE_FIT, minZoom: Math.min(minFitZoom, DEFAULT_READABLE_FIT.maxZoom) }), [minFitZoom]);
  return (
    <I18nProvider locale={locale}>
      <DesignerContext.Provider value={ctx}>
        <ReactFlowProvider>
          <div className={`cfd-root cfd-viewer ${className ?? ''}`} lang={locale}>
            <FlowCanvas flow={flow} overlay={overlay} minimap={minimap} readable={readable} />
          </div>
        </ReactFlowProvider>
      </DesignerContext.Provider>
    </I18nProvider>
  );
}
