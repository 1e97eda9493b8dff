import { memo } from 'react';
import { Icon } from '../canvas/icons.js';
import { useDesigner } from '../designer/context.js';
import { select } from '../designer/ui-state.js';
import { useI18n } from '../i18n/index.js';
import { readableMessage } from '../validation/readable.js';
import type { Diagnostic } from '../validation/types.js';

/**
 * The list of problems in plain language; clicking one selects and centres
 * the step (or connection) it is about.
 */
export const ProblemsPanel = memo(function ProblemsPanel({ diagnostics, checking }: { diagnostics: readonly Diagnostic[]; checking: boolean }) {
  const { t, locale } = useI18n();
  const { ui, store } = useDesigner();
  const flow = store.getSnapshot().flow;
  const focus = (d: Diagnostic) => {
    const nodeId = d.nodeIds[0] ?? store.getSnapshot().flow.edges.find((e) => e.id === d.edgeIds[0])?.source;
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
          <button type="button" className={`cfd-problem severity-${d.severity}`} onClick={() => focus(d)} data-testid="problem" data-rule={d.rule} title={t('problems.code', { code: d.rule })}>
            <Icon name={d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info'} size={15} className="cfd-problem-icon" />
            <span className="cfd-problem-text">
              <span className="cfd-problem-message">{readableMessage(d.message, flow, locale)}</span>
              {d.hint ? <span className="cfd-problem-hint">{t('problems.hint', { hint: readableMessage(d.hint, flow, locale) })}</span> : null}
            </span>
          </button>
        </li>
      ))}
      {diagnostics.length > MAX_SHOWN ? <li className="cfd-problem-more">… +{diagnostics.length - MAX_SHOWN}</li> : null}
    </ul>
  );
});

/** Long lists are cut: a flow with thousands of findings needs fixing at the first ones. */
const MAX_SHOWN = 300;
