import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Icon } from '../canvas/icons.js';
import { useI18n } from '../i18n/index.js';

/** A modal dialog: focus moves into it, Esc or the close button closes it, focus returns afterwards. */
export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="cfd-root cfd-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`cfd-dialog ${wide ? 'is-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="cfd-dialog-header">
          <h2 id={id}>{title}</h2>
          <button type="button" className="cfd-icon-btn" onClick={onClose} aria-label={t('dialog.close')}>
            <Icon name="close" />
          </button>
        </header>
        <div className="cfd-dialog-body">{children}</div>
      </div>
    </div>
  );
}
