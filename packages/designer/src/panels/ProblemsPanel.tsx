import { memo, useMemo } from 'react';
import { catalogFindings } from '../catalog/findings.js';
import { Icon } from '../canvas/icons.js';
import { useDesigner } from '../designer/context.js';
import { select, selectControl, selectVariable } from '../designer/ui-state.js';
import { useI18n } from '../i18n/index.js';
import { readableMessage } from '../validation/readable.js';
import type { Diagnostic } from '../validation/types.js';

/**
 * The list of problems in plain language; clicking one selects and centres
 * the step (or connection) it is about, or highlights the control point or
 * variable of the flow data it names.
 */
export const ProblemsPanel = memo(function ProblemsPanel({ diagnostics, checking }: { diagnostics: readonly Diagnostic[]; checking: boolean }) {
  const { t, locale } = useI18n();
  const { ui, store, catalog, fixCatalog } = useDesigner();
  const flow = store.getSnapshot().flow;
  // Access problems the catalog can fix: offered in one click to admins.
  const catalogFixes = useMemo(
    () => (fixCatalog && diagnostics.some((d) => d.rule === 'roles-can-use-window') ? catalogFindings(catalog, [flow], locale).filter((f) => f.fix && f.nodeIds) : []),
    [fixCatalog, diagnostics, catalog, flow, locale],
  );
  const focus = (d: Diagnostic) => {
    const current = store.getSnapshot().flow;
    if (d.controlId !== undefined && d.nodeIds.length === 0 && d.edgeIds.length === 0) {
      // A control point: highlighted in the flow inspector; the canvas centres on the first step a gate blocks.
      selectControl(ui, d.controlId);
      const blocked = current.controls?.find((c) => c.id === d.controlId)?.blocks?.find((id) => current.nodes.some((n) => n.id === id));
      if (blocked) ui.set({ focusRequest: { nodeId: blocked, at: Date.now(), zoomIn: false } });
      return;
    }
    const variable = d.nodeIds.length === 0 && d.edgeIds.length === 0 ? /^\/data\/([^/]+)$/.exec(d.path ?? '')?.[1] : undefined;
    if (variable !== undefined) {
      // A variable of the flow data (`/data/<name>`): highlighted in the flow inspector's data table.
      selectVariable(ui, variable.replace(/~1/g, '/').replace(/~0/g, '~'));
      return;
    }
    const nodeId = d.nodeIds[0] ?? current.edges.find((e) => e.id === d.edgeIds[0])?.source;
    select(ui, d.nodeIds, d.edgeIds);
    if (nodeId) ui.set({ focusRequest: { nodeId, at: Date.now(), zoomIn: true } });
  };
  if (diagnostics.length === 0) {
    return (
      <div className="cfd-problems-empty" role="status">
        <Icon name="check" size={16} /> {checking ? t('problems.checking') : t('problems.none')}
      </div>
    );
  }
  return (
    <ul className="cfd-problems" aria-label={t('problems.tab')} aria-busy={checking}>
      {diagnostics.slice(0, MAX_SHOWN).map((d, i) => (
        <li key={`${d.rule}-${i}`}>
          <button type="button" className={`cfd-problem severity-${d.severity}`} onClick={() => focus(d)} data-testid="problem" data-rule={d.rule} data-control={d.controlId} data-path={d.path} title={t('problems.code', { code: d.rule })}>
            <Icon name={d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info'} size={15} className="cfd-problem-icon" />
            <span className="cfd-problem-text">
              <span className="cfd-problem-message">{readableMessage(d.message, flow, locale)}</span>
              {d.hint ? <span className="cfd-problem-hint">{t('problems.hint', { hint: readableMessage(d.hint, flow, locale) })}</span> : null}
            </span>
          </button>
          {d.rule === 'roles-can-use-window' && fixCatalog
            ? catalogFixes
                .filter((f) => f.nodeIds!.some((id) => d.nodeIds.includes(id)) && (f.role === undefined || d.message.includes(`'${f.role}'`)))
                .map((f, j) => (
                  <button key={j} type="button" className="cfd-btn cfd-btn-fix" data-testid="problem-fix" onClick={() => fixCatalog(f.fix!.command)}>
                    {t('common.about', { label: t('catalog.fix'), subject: f.fix!.label })}
                  </button>
                ))
            : null}
        </li>
      ))}
      {diagnostics.length > MAX_SHOWN ? <li className="cfd-problem-more">… +{diagnostics.length - MAX_SHOWN}</li> : null}
    </ul>
  );
});

/** Long lists are cut: a flow with thousands of findings needs fixing at the first ones. */
const MAX_SHOWN = 300;
