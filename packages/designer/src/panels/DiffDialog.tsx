import { useMemo, useState } from 'react';
import type { Catalog, Flow } from '@crm/flow-runtime';
import { FlowViewer } from '../designer/FlowViewer.js';
import { diffFlows } from '../diff/diff-flows.js';
import { useI18n } from '../i18n/index.js';
import { Dialog } from './Dialog.js';

/** Low enough that a version always fits its pane whole. */
const WHOLE = 0.1;

/** Two versions side by side, added, removed and changed steps highlighted. */
export function FlowDiff({ before, after, catalog }: { before: Flow; after: Flow; catalog: Catalog }) {
  const { t, locale } = useI18n();
  const diff = useMemo(() => diffFlows(before, after), [before, after]);
  return (
    <div className="cfd-diff" data-testid="flow-diff">
      <p className="cfd-diff-summary">
        <span className="cfd-legend diff-added">{t('diff.added')}</span>
        <span className="cfd-legend diff-removed">{t('diff.removed')}</span>
        <span className="cfd-legend diff-changed">{t('diff.changed')}</span>
        <span>{t('diff.summary', { added: diff.added, removed: diff.removed, changed: diff.changed })}</span>
      </p>
      {/* Each pane shows its whole version, so the coloured marks can be compared at a glance. */}
      <div className="cfd-diff-panes">
        <section aria-label={t('diff.left')}>
          <h3>{t('diff.left')} · v{before.version}</h3>
          <FlowViewer flow={before} catalog={catalog} locale={locale} diff={diff.before} minFitZoom={WHOLE} />
        </section>
        <section aria-label={t('diff.right')}>
          <h3>{t('diff.right')} · v{after.version}</h3>
          <FlowViewer flow={after} catalog={catalog} locale={locale} diff={diff.after} minFitZoom={WHOLE} />
        </section>
      </div>
    </div>
  );
}

/** The compare dialog: pick an earlier version, see it beside the current draft. */
export function DiffDialog({ versions, current, catalog, onClose }: { versions: readonly Flow[]; current: Flow; catalog: Catalog; onClose: () => void }) {
  const { t } = useI18n();
  const [index, setIndex] = useState(versions.length - 1);
  const before = versions[index] ?? versions[0]!;
  return (
    <Dialog title={t('diff.title')} onClose={onClose} wide>
      <label className="cfd-row">
        <span className="cfd-row-label">{t('diff.left')}</span>
        <select className="cfd-input" value={index} onChange={(e) => setIndex(Number(e.target.value))}>
          {versions.map((v, i) => (
            <option key={i} value={i}>v{v.version}</option>
          ))}
        </select>
      </label>
      <FlowDiff before={before} after={current} catalog={catalog} />
    </Dialog>
  );
}
