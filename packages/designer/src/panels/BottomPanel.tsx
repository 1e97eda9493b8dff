import { memo, type ReactNode } from 'react';
import { useDesigner } from '../designer/context.js';
import { useStateStore } from '../designer/state-store.js';
import { useI18n } from '../i18n/index.js';
import type { ValidationState } from '../validation/useValidation.js';
import { MetricsPanel } from './MetricsPanel.js';
import { ProblemsPanel } from './ProblemsPanel.js';

/** Tabs under the canvas: problems (with a count), clarity metrics, simulation trace. */
export const BottomPanel = memo(function BottomPanel({ validation, simulation }: { validation: ValidationState; simulation?: ReactNode }) {
  const { t } = useI18n();
  const { ui } = useDesigner();
  const tab = useStateStore(ui, (s) => s.bottomTab);
  const errors = validation.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = validation.diagnostics.length - errors;
  const tabs: { id: 'problems' | 'metrics' | 'simulation'; label: ReactNode }[] = [
    {
      id: 'problems',
      label: (
        <>
          {t('problems.tab')}
          {validation.diagnostics.length > 0 ? <span className={`cfd-count ${errors > 0 ? 'is-error' : 'is-warning'}`} data-testid="problem-count">{validation.diagnostics.length}</span> : null}
        </>
      ),
    },
    { id: 'metrics', label: t('problems.metricsTab') },
    ...(simulation ? [{ id: 'simulation' as const, label: t('problems.traceTab') }] : []),
  ];
  const current = tab === 'simulation' && !simulation ? 'problems' : tab;
  return (
    <section className="cfd-bottom" aria-label={t('problems.tab')}>
      <div role="tablist" className="cfd-tabs">
        {tabs.map((x) => (
          <button key={x.id} type="button" role="tab" id={`cfd-tab-${x.id}`} aria-selected={current === x.id} aria-controls={`cfd-tabpanel-${x.id}`} className="cfd-tab" onClick={() => ui.set({ bottomTab: x.id })} data-testid={`tab-${x.id}`}>
            {x.label}
          </button>
        ))}
        <span className="cfd-tabs-status" aria-live="polite">
          {validation.checking ? t('problems.checking') : [errors > 0 ? t('problems.errors', { n: errors }) : '', warnings > 0 ? t('problems.warnings', { n: warnings }) : ''].filter(Boolean).join(' · ')}
        </span>
      </div>
      <div role="tabpanel" id={`cfd-tabpanel-${current}`} aria-labelledby={`cfd-tab-${current}`} className="cfd-tabpanel">
        {current === 'problems' ? <ProblemsPanel diagnostics={validation.diagnostics} checking={validation.checking} /> : null}
        {current === 'metrics' ? <MetricsPanel metrics={validation.metrics} /> : null}
        {current === 'simulation' ? simulation : null}
      </div>
    </section>
  );
});
