/** A small modal dialog. Esc or the backdrop closes it. */
import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../i18n';

export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={title}>
        <header>
          <h2>{title}</h2>
          <button type="button" className="link" onClick={onClose} aria-label={t('common.close')}>
            ✕
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}

/** The footer of a dialog that starts a flow: start (disabled until ready) and cancel. */
export function StartFlowActions({ ready, onClose }: { ready: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={!ready}>
        {t('orders.startFlow')}
      </button>
      <button type="button" className="secondary" onClick={onClose}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
