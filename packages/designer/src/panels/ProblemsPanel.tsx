import type { Flow } from '@crm/flow-runtime';
import { Icon } from '../canvas/icons.js';
import { useDesigner } from '../designer/context.js';
import { select } from '../designer/ui-state.js';
import { useI18n } from '../i18n/index.js';
import type { Diagnostic } from '../validation/types.js';

/**
 * The list of problems in plain language; clicking one selects and centres
 * the step (or connection) it is about.
 */
export function ProblemsPanel({ diagnostics, checking, flow }: { diagnostics: readonly Diagnostic[]; checking: boolean; flow: Flow }) {
  const { t } = useI18n();
  const { ui } = useDesigner();
  const focus = (d: Diagnostic) => {
    const nodeId = d.nodeIds[0] ?? flow.edges.find((e) => e.id === d.edgeIds[0])?.source;
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
      {diagnostics.map((d, i) => (
        <li key={`${d.rule}-${i}`}>
          <button type="button" className={`cfd-problem severity-${d.severity}`} onClick={() => focus(d)} data-testid="problem">
            <Icon name={d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info'} size={15} className="cfd-problem-icon" />
            <span className="cfd-problem-text">
              <span className="cfd-problem-message">{d.message}</span>
              {d.hint ? <span className="cfd-problem-hint">{t('problems.hint', { hint: d.hint })}</span> : null}
            </span>
            <span className="cfd-problem-rule">{d.rule}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
