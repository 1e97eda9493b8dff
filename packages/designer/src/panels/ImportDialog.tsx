import type { ImportPlan } from '../document/new-flow.js';
import { useI18n } from '../i18n/index.js';
import { Dialog } from './Dialog.js';

/** Props of {@link ImportDialog}. */
export interface ImportDialogProps {
  plan: ImportPlan;
  /** Who last changed the draft that would be replaced, as the host names people. */
  draftEditor?: string;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * Confirms an import before anything changes: which flow the file goes to,
 * at which version (the file's own version is not used), and what it
 * replaces (the flow's draft, by name and state) or that it is a new flow.
 */
export function ImportDialog({ plan, draftEditor, onConfirm, onClose }: ImportDialogProps) {
  const { t, text, locale } = useI18n();
  const name = text(plan.flow.name);
  const target = plan.target;
  const when = target?.draft?.updatedAt !== undefined ? new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(target.draft.updatedAt) : undefined;
  const lines: string[] = [];
  if (plan.kind === 'new-flow') {
    lines.push(t('importPlan.newFlow', { name, id: plan.flow.id }));
  } else if (target) {
    lines.push(t(plan.kind === 'replace-draft' ? 'importPlan.replaceDraft' : 'importPlan.newDraft', { name, target: text(target.name), version: plan.flow.version, latest: target.latest ?? 0 }));
    if (plan.kind === 'replace-draft' && target.draft) {
      lines.push(
        t('importPlan.draftState', {
          draft: text(target.draft.name),
          version: target.draft.version,
          who: draftEditor ?? target.draft.updatedBy ?? '—',
          when: when ?? '—',
        }),
      );
    }
    if (target.latest) lines.push(t('importPlan.publishedStay', { latest: target.latest }));
  }
  if (plan.fileVersion !== plan.flow.version) lines.push(t('importPlan.fileVersion', { file: plan.fileVersion, version: plan.flow.version }));
  return (
    <Dialog title={t('importPlan.title', { name })} onClose={onClose}>
      <div className="cfd-import-plan" data-testid="import-plan" data-kind={plan.kind}>
        {lines.map((l) => (
          <p key={l}>{l}</p>
        ))}
        <div className="cfd-dialog-actions">
          <button type="button" className="cfd-btn" onClick={onClose}>
            {t('newFlow.cancel')}
          </button>
          <button type="button" className={`cfd-btn cfd-btn-primary ${plan.kind === 'replace-draft' ? 'is-danger' : ''}`} onClick={onConfirm} data-testid="import-confirm">
            {plan.kind === 'replace-draft' ? t('importPlan.replace') : t('importPlan.import')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
