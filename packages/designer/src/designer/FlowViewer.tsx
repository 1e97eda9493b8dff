import { useEffect, useMemo, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { Catalog, Flow } from '@crm/flow-runtime';
import { FlowCanvas, type CanvasOverlay } from '../canvas/FlowCanvas.js';
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
  className?: string;
}

/**
 * The read-only canvas: same look as the designer, no editing; shows an
 * instance's progress when given one.
 *
 * @example
 * <FlowViewer flow={flow} catalog={catalog} instance={await engine.instance(id)} locale="zh" />
 */
export function FlowViewer({ flow, catalog = NO_CATALOG, instance, events, locale = 'en', diff, className }: FlowViewerProps) {
  const [store] = useState(() => createDocumentStore(flow));
  const [ui] = useState(createUiState);
  useEffect(() => store.reset(flow), [flow, store]);
  const ctx = useMemo<DesignerContextValue>(() => ({ store, ui, catalog, permission: 'viewer', editable: false }), [store, ui, catalog]);
  const overlay = useMemo<CanvasOverlay>(() => {
    const p = instance ? instanceProgress(flow, instance, events) : undefined;
    return { ...(p ? { status: p.status, takenEdges: p.taken } : {}), ...(diff ? { diff } : {}) };
  }, [flow, instance, events, diff]);
  return (
    <I18nProvider locale={locale}>
      <DesignerContext.Provider value={ctx}>
        <ReactFlowProvider>
          <div className={`cfd-root cfd-viewer ${className ?? ''}`} lang={locale}>
            <FlowCanvas flow={flow} overlay={overlay} />
          </div>
        </ReactFlowProvider>
      </DesignerContext.Provider>
    </I18nProvider>
  );
}
