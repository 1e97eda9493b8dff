import { useMemo, useState } from 'react';
import { type Catalog, type Flow } from '@crm/flow-runtime';
import { compareFlows } from '@crm/flow-runtime/analysis';
import { FlowViewer } from '../designer/FlowViewer.js';
import { useI18n } from '../i18n/index.js';
import { Dialog } from './Dialog.js';

/** Low enough that a version always fits its pane whole. */
const WHOLE = 0.1;

const SUBJECTS = ['flow', 'step', 'edge', 'guard', 'control', 'sla', 'permission', 'window', 'data'] as const;

/**
 * Two versions side by side, added, removed and changed steps and
 * connections highlighted on both diagrams, with every change in words
 * (from the runtime's `compareFlows`) and what changes for each role.
 */
export function FlowDiff({ before, after, catalog, catalogBefore }: { before: Flow; after: Flow; catalog: Catalog; catalogBefore?: Catalog }) {
  const { t, locale } = useI18n();
  const cmp = useMemo(() => compareFlows(before, after, { catalog, catalogBefore, locale }), [before, after, catalog, catalogBefore, locale]);
  const marks = useMemo(() => ({ before: new Map(Object.entries(cmp.marks.before)), after: new Map(Object.entries(cmp.marks.after)) }), [cmp]);
  return (
    <div className="cfd-diff" data-testid="flow-diff">
      <p className="cfd-diff-summary">
        <span className="cfd-legend diff-added">{t('diff.added')}</span>
        <span className="cfd-legend diff-removed">{t('diff.removed')}</span>
        <span className="cfd-legend diff-changed">{t('diff.changed')}</span>
        <span>{t('diff.summary', { added: cmp.counts.added, removed: cmp.counts.removed, changed: cmp.counts.changed })}</span>
      </p>
      {/* Each pane shows its whole version, so the coloured marks can be compared at a glance. */}
      <div className="cfd-diff-panes">
        <section aria-label={t('diff.left')}>
          <h3>{t('diff.left')} · v{before.version}</h3>
          <FlowViewer flow={before} catalog={catalogBefore ?? catalog} locale={locale} diff={marks.before} minFitZoom={WHOLE} />
        </section>
        <section aria-label={t('diff.right')}>
          <h3>{t('diff.right')} · v{after.version}</h3>
          <FlowViewer flow={after} catalog={catalog} locale={locale} diff={marks.after} minFitZoom={WHOLE} />
        </section>
      </div>
      <div className="cfd-diff-words">
        <section aria-label={t('diff.changes')} data-testid="diff-changes">
          <h3>{t('diff.changes')}</h3>
          {cmp.changes.length === 0 ? <p className="cfd-muted">{t('diff.none')}</p> : null}
          {SUBJECTS.map((s) => {
            const items = cmp.changes.filter((c) => c.subject === s);
            if (!items.length) return null;
            return (
              <div key={s} className="cfd-diff-group">
                <h4>{t(`diff.subject.${s}`)}</h4>
                <ul>
                  {items.map((c, i) => (
                    <li key={i} className={`cfd-diff-item diff-${c.kind}`} data-kind={c.kind} data-subject={c.subject}>
                      <span className={`cfd-legend diff-${c.kind}`} aria-label={t(`diff.${c.kind}`)} />
                      {c.text}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
        <section aria-label={t('diff.byRole')} data-testid="diff-roles">
          <h3>{t('diff.byRole')}</h3>
          {cmp.byRole.length === 0 ? <p className="cfd-muted">{t('diff.rolesNone')}</p> : null}
          {cmp.byRole.map((r) => (
            <div key={r.role} className="cfd-diff-group" data-role={r.role}>
              <h4>{r.name}</h4>
              <ul>
                {r.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            </div>
          ))}
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
