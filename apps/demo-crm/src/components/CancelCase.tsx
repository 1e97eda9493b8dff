/**
 * Cancelling a case that was started by mistake: offered to administrators
 * and to the person who started it (the engine checks the same, and refuses
 * anyone else), with a reason that goes into the audit trail.
 */
import { useState, type FormEvent } from 'react';
import type { Flow, InstanceState } from '@crm/flow-runtime';
import { useApp } from '../app/context';
import { useI18n } from '../i18n';
import { explainRefusal } from '../runtime/refusal';
import { Dialog } from './Dialog';

/** Whether the acting user may cancel the case (an administrator, or the one who started it). */
export function mayCancel(state: InstanceState, actor: { id: string; roles: readonly string[] }): boolean {
  if (state.status === 'completed' || state.status === 'cancelled') return false;
  return actor.roles.includes('admin') || state.startedBy?.id === actor.id;
}

export function CancelCase({ state, flow }: { state: InstanceState; flow: Flow }) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!mayCancel(state, app.actor)) return null;
  const close = () => {
    setOpen(false);
    setError(undefined);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await app.rt.engine.cancel(state.instanceId, { actor: app.actor, reason });
      setOpen(false);
      setReason('');
      app.refresh();
    } catch (err) {
      setError(explainRefusal(err, { i18n, flow }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="secondary danger small" data-testid="cancel-case" onClick={() => setOpen(true)}>
        {t('instance.cancel')}
      </button>
      {open && (
        <Dialog title={t('instance.cancelTitle')} onClose={close}>
          <form className="dialog-form cancel-form" onSubmit={(e) => void submit(e)}>
            <p className="muted small">{t('instance.cancelHelp')}</p>
            <label htmlFor="cancel-reason">{t('instance.cancelReason')}</label>
            <textarea id="cancel-reason" rows={3} value={reason} required data-testid="cancel-reason" onChange={(e) => setReason(e.target.value)} />
            {error && (
              <div className="banner refusal" role="alert">
                {error}
              </div>
            )}
            <div className="actions">
              <button type="submit" className="primary danger" disabled={busy || reason.trim() === ''} data-testid="cancel-confirm">
                {t('instance.cancelConfirm')}
              </button>
              <button type="button" className="secondary" onClick={close}>
                {t('instance.cancelKeep')}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  );
}
