import { useRef, type ReactNode } from 'react';
import type { Flow } from '@crm/flow-runtime';
import { Icon, type IconName } from '../canvas/icons.js';
import { addLane } from '../document/commands/index.js';
import { laneOrder } from '../document/geometry.js';
import { useDesigner } from '../designer/context.js';
import { useStateStore } from '../designer/state-store.js';
import type { DocumentSnapshot } from '../document/store.js';
import type { DesignerLayout } from '../designer/layout-state.js';
import { useI18n, type Locale } from '../i18n/index.js';
import { commandLabel } from '../i18n/commands.js';

function ToolButton({ icon, label, onClick, disabled, pressed, testId, children, title }: { icon: IconName; label: string; onClick: () => void; disabled?: boolean; pressed?: boolean; testId?: string; children?: ReactNode; title?: string }) {
  return (
    <button type="button" className={`cfd-tool ${pressed ? 'is-pressed' : ''}`} onClick={onClick} disabled={disabled} aria-label={label} title={title ?? label} aria-pressed={pressed} data-testid={testId}>
      <Icon name={icon} size={15} />
      {children ? <span className="cfd-tool-text">{children}</span> : null}
    </button>
  );
}

/** What the toolbar can do; the designer wires these. */
export interface ToolbarActions {
  onAutoLayout: () => void;
  onValidate: () => void;
  onToggleSimulation: () => void;
  onExport: () => void;
  onImport: (file: File) => void;
  onPublish: (() => void) | undefined;
  onLocale: (locale: Locale) => void;
  canDiff: boolean;
  /** Whether the catalog editor can be opened (the host takes catalog changes). */
  canCatalog?: boolean;
  canTemplates: boolean;
  /** Opens "New flow" (when the host takes new flows). */
  onNewFlow?: () => void;
  canSimulate: boolean;
  publishBlocked: boolean;
}

/** The designer's toolbar: name and version, undo/redo, layout, validate, simulate, compare, templates, import/export, publish, language. */
export function Toolbar({ snapshot, actions, flow, layout, onLayout }: { snapshot: DocumentSnapshot; actions: ToolbarActions; flow: Flow; layout?: DesignerLayout; onLayout?: (key: keyof DesignerLayout) => void }) {
  const { t, text, locale } = useI18n();
  const { store, ui, catalog, editable, permission } = useDesigner();
  const simulating = useStateStore(ui, (s) => s.simulating);
  const viewAsRole = useStateStore(ui, (s) => s.viewAsRole);
  const fileInput = useRef<HTMLInputElement>(null);
  const lanes = laneOrder(flow, catalog);
  const missingLanes = catalog.departments.filter((d) => !lanes.includes(d.id));
  return (
    <header className="cfd-toolbar" role="toolbar" aria-label={t('app.label')}>
      <div className="cfd-toolbar-title">
        <span className="cfd-flow-name" data-testid="flow-name" title={text(flow.name)}>{text(flow.name)}</span>
        <span className="cfd-version">{t('toolbar.version', { version: flow.version })}</span>
        {permission === 'viewer' ? <span className="cfd-tag">{t('toolbar.readOnly')}</span> : <span className="cfd-tag is-draft">{t('toolbar.draft')}</span>}
      </div>
      <div className="cfd-toolbar-group">
        <ToolButton icon="undo" label={t('toolbar.undo')} title={snapshot.undoName ? t('toolbar.undoNamed', { name: commandLabel(snapshot.undoName, locale, t)! }) : t('toolbar.undo')} onClick={() => store.undo()} disabled={!editable || !snapshot.canUndo} testId="undo" />
        <ToolButton icon="redo" label={t('toolbar.redo')} title={snapshot.redoName ? t('toolbar.redoNamed', { name: commandLabel(snapshot.redoName, locale, t)! }) : t('toolbar.redo')} onClick={() => store.redo()} disabled={!editable || !snapshot.canRedo} testId="redo" />
      </div>
      <div className="cfd-toolbar-group">
        <ToolButton icon="layout" label={t('toolbar.autoLayout')} onClick={actions.onAutoLayout} disabled={!editable || flow.nodes.length === 0} testId="auto-layout">{t('toolbar.autoLayout')}</ToolButton>
        {editable && missingLanes.length > 0 ? (
          <select className="cfd-tool-select" aria-label={t('toolbar.addLane')} value="" onChange={(e) => e.target.value && store.run(addLane(e.target.value, catalog))} data-testid="add-lane">
            <option value="">{`+ ${t('toolbar.addLane')}`}</option>
            {missingLanes.map((d) => (
              <option key={d.id} value={d.id}>{text(d.name)}</option>
            ))}
          </select>
        ) : null}
        <ToolButton icon="check" label={t('toolbar.validate')} onClick={actions.onValidate} testId="validate" />
        {actions.canSimulate ? <ToolButton icon="play" label={simulating ? t('toolbar.stopSimulation') : t('toolbar.simulate')} onClick={actions.onToggleSimulation} pressed={simulating} testId="simulate">{simulating ? t('toolbar.stopSimulation') : t('toolbar.simulate')}</ToolButton> : null}
        {actions.canCatalog ? <ToolButton icon="window" label={t('catalog.open')} onClick={() => ui.set({ dialog: 'catalog' })} testId="catalog">{t('catalog.open')}</ToolButton> : null}
        {actions.canDiff ? <ToolButton icon="diff" label={t('toolbar.diff')} onClick={() => ui.set({ dialog: 'diff' })} testId="diff">{t('toolbar.diff')}</ToolButton> : null}
        <ToolButton icon="book" label={t('sop.open')} onClick={() => ui.set({ dialog: 'sop' })} testId="sop-open" />
      </div>
      <div className="cfd-toolbar-group">
        {actions.onNewFlow && permission !== 'viewer' ? <ToolButton icon="plus" label={t('newFlow.open')} onClick={actions.onNewFlow} testId="designer-new-flow" /> : null}
        {actions.canTemplates && editable ? <ToolButton icon="template" label={t('toolbar.templates')} onClick={() => ui.set({ dialog: 'templates' })} testId="templates" /> : null}
        {editable ? (
          <>
            <ToolButton icon="upload" label={t('toolbar.import')} onClick={() => fileInput.current?.click()} testId="import" />
            <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={(e) => { const f = e.target.files?.[0]; if (f) actions.onImport(f); e.target.value = ''; }} data-testid="import-file" />
          </>
        ) : null}
        <ToolButton icon="download" label={t('toolbar.export')} onClick={actions.onExport} testId="export" />
      </div>
      <div className="cfd-toolbar-spacer" />
      <div className="cfd-toolbar-group">
        <label className="cfd-tool-label" title={t('toolbar.viewAs')}>
          <Icon name="eye" size={14} />
          <select className="cfd-tool-select" aria-label={t('toolbar.viewAs')} value={viewAsRole ?? ''} onChange={(e) => ui.set({ viewAsRole: e.target.value || undefined })} data-testid="view-as">
            <option value="">{t('toolbar.viewAsNobody')}</option>
            {catalog.roles.map((r) => (
              <option key={r.id} value={r.id}>{text(r.name)}</option>
            ))}
          </select>
        </label>
        <label className="cfd-tool-label">
          <Icon name="globe" size={14} />
          <select className="cfd-tool-select" aria-label={t('toolbar.language')} value={locale} onChange={(e) => actions.onLocale(e.target.value as Locale)} data-testid="language">
            <option value="en">English</option>
            <option value="zh">中文</option>
          </select>
        </label>
        {layout && onLayout ? (
          <>
            {editable ? <ToolButton icon="panel-left" label={t('toolbar.palettePanel')} onClick={() => onLayout('palette')} pressed={layout.palette} testId="toggle-palette" /> : null}
            <ToolButton icon="panel-right" label={t('toolbar.inspectorPanel')} onClick={() => onLayout('inspector')} pressed={layout.inspector} testId="toggle-inspector" />
            <ToolButton icon="panel-bottom" label={t('toolbar.bottomPanel')} onClick={() => onLayout('bottom')} pressed={layout.bottom} testId="toggle-bottom" />
            <ToolButton icon={layout.focus ? 'shrink' : 'expand'} label={layout.focus ? t('toolbar.exitFocusMode') : t('toolbar.focusMode')} onClick={() => onLayout('focus')} pressed={layout.focus} testId="focus-mode" />
          </>
        ) : null}
        <ToolButton icon="keyboard" label={t('toolbar.shortcuts')} onClick={() => ui.set({ dialog: 'shortcuts' })} testId="shortcuts" />
        {permission === 'admin' && actions.onPublish ? (
          <button type="button" className="cfd-btn cfd-btn-primary" onClick={actions.onPublish} disabled={actions.publishBlocked || simulating} title={actions.publishBlocked ? t('toolbar.publishBlocked') : t('toolbar.publish')} data-testid="publish">
            <Icon name="publish" size={14} /> {t('toolbar.publish')}
          </button>
        ) : null}
      </div>
    </header>
  );
}
