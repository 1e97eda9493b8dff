import type { Flow } from '@crm/flow-runtime';
import { useI18n } from '../i18n/index.js';
import { Dialog } from './Dialog.js';

/** A flow to start from: a shipped sample or a published flow to clone. */
export interface FlowTemplate {
  flow: Flow;
  source: 'sample' | 'published';
}

/** The templates gallery. */
export function TemplatesDialog({ templates, onPick, onClose }: { templates: readonly FlowTemplate[]; onPick: (t: FlowTemplate) => void; onClose: () => void }) {
  const { t, text } = useI18n();
  return (
    <Dialog title={t('templates.title')} onClose={onClose} wide>
      <ul className="cfd-templates" data-testid="templates">
        {templates.map((tpl) => {
          const steps = tpl.flow.nodes.filter((n) => n.kind === 'task').length;
          return (
            <li key={`${tpl.source}:${tpl.flow.id}:${tpl.flow.version}`}>
              <button type="button" className="cfd-template" onClick={() => onPick(tpl)} aria-label={t('common.about', { label: t('templates.use'), subject: text(tpl.flow.name) })}>
                <span className={`cfd-tag ${tpl.source === 'published' ? 'is-published' : ''}`}>{tpl.source === 'sample' ? t('templates.sample') : `${t('templates.published')} v${tpl.flow.version}`}</span>
                <strong>{text(tpl.flow.name)}</strong>
                <span className="cfd-template-desc" title={tpl.flow.description ? text(tpl.flow.description) : undefined}>{tpl.flow.description ? text(tpl.flow.description) : tpl.flow.id}</span>
                <span className="cfd-template-meta">{steps} × {t('kind.task')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
