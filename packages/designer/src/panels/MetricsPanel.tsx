import { useI18n } from '../i18n/index.js';
import type { ClarityMetrics } from '../validation/types.js';

/** The clarity metrics with a one-line reading. */
export function MetricsPanel({ metrics }: { metrics: ClarityMetrics }) {
  const { t } = useI18n();
  const items: [string, number | undefined][] = [
    [t('metrics.steps'), metrics.steps],
    [t('metrics.decisions'), metrics.decisions],
    [t('metrics.handoffs'), metrics.handoffs],
    [t('metrics.jumps'), metrics.jumps],
    [t('metrics.longestPath'), metrics.longestPath],
  ];
  return (
    <div className="cfd-metrics">
      <dl>
        {items.map(([label, value]) => (
          <div key={label} className="cfd-metric">
            <dt>{label}</dt>
            <dd>{value ?? '–'}</dd>
          </div>
        ))}
      </dl>
      <p className="cfd-metrics-reading">{metrics.summary ?? t('metrics.reading', { handoffs: metrics.handoffs, longest: metrics.longestPath ?? metrics.steps })}</p>
    </div>
  );
}
