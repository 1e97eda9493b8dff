import { useI18n, type MessageKey } from '../i18n/index.js';
import { Dialog } from './Dialog.js';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

const ROWS: [string, MessageKey][] = [
  ['Delete', 'shortcuts.delete'],
  [`${MOD}+Z`, 'shortcuts.undo'],
  [`Shift+${MOD}+Z`, 'shortcuts.redo'],
  [`${MOD}+C`, 'shortcuts.copy'],
  [`${MOD}+V`, 'shortcuts.paste'],
  ['← ↑ → ↓', 'shortcuts.nudge'],
  [`${MOD}+A`, 'shortcuts.selectAll'],
  ['Esc', 'shortcuts.escape'],
  ['?', 'shortcuts.help'],
];

/** The list of keyboard shortcuts (`?`). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose}>
      <table className="cfd-shortcuts">
        <tbody>
          {ROWS.map(([keys, label]) => (
            <tr key={label}>
              <td>
                {keys.split('+').map((k, i) => (
                  <span key={i}>
                    {i > 0 ? ' + ' : ''}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
