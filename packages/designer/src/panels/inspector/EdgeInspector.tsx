import type { Flow, FlowEdge, LocalizedText } from '@crm/flow-runtime';
import { removeElements, updateEdge } from '../../document/commands/index.js';
import { useDesigner } from '../../designer/context.js';
import { select } from '../../designer/ui-state.js';
import { useI18n } from '../../i18n/index.js';
import { Icon } from '../../canvas/icons.js';
import { ConditionBuilder } from '../condition/ConditionBuilder.js';
import { CheckField, TextField } from './fields.js';
import { RecordLinkField } from './RecordLinkField.js';
import { useEdit } from './useEdit.js';

/** Edits the selected connection: label, default flag, guard and record link. */
export function EdgeInspector({ edge, flow }: { edge: FlowEdge; flow: Flow }) {
  const { t, text } = useI18n();
  const { editable, store, ui, catalog } = useDesigner();
  const { live, now, done } = useEdit();
  const ro = !editable;
  const nameOf = (id: string) => {
    const n = flow.nodes.find((x) => x.id === id);
    return n ? text(n.name) : id;
  };
  const label = (lang: 'en' | 'zh', v: string): LocalizedText | undefined => {
    if (lang === 'en') return v ? { ...edge.label, en: v } : edge.label?.zh ? { en: edge.label.zh, zh: edge.label.zh } : undefined;
    return edge.label ? (v ? { ...edge.label, zh: v } : { en: edge.label.en }) : v ? { en: v, zh: v } : undefined;
  };
  return (
    <div className="cfd-inspector-body" data-testid="edge-inspector">
      <div className="cfd-inspector-kind">
        <Icon name="publish" size={14} /> {nameOf(edge.source)} → {nameOf(edge.target)}
      </div>
      <TextField label={t('common.inEnglish', { label: t('inspector.label') })} value={edge.label?.en ?? ''} onChange={(v) => live(updateEdge(edge.id, { label: label('en', v) }), `edge:${edge.id}:label-en`)} onCommit={done} disabled={ro} testId="edge-label-en" />
      <TextField label={t('common.inChinese', { label: t('inspector.label') })} value={edge.label?.zh ?? ''} onChange={(v) => live(updateEdge(edge.id, { label: label('zh', v) }), `edge:${edge.id}:label-zh`)} onCommit={done} disabled={ro} testId="edge-label-zh" />
      <CheckField label={t('inspector.default')} checked={edge.default === true} onChange={(v) => now(updateEdge(edge.id, { default: v }))} disabled={ro} testId="edge-default" />
      <div className="cfd-row">
        <span className="cfd-row-label">{t('inspector.guard')}</span>
        <ConditionBuilder key={edge.id} value={edge.guard} flow={flow} label={t('inspector.guard')} onChange={(rule) => live(updateEdge(edge.id, { guard: rule }), `edge:${edge.id}:guard`)} onCommit={done} disabled={ro} />
      </div>
      <RecordLinkField key={`link-${edge.id}`} value={edge.recordLink} flow={flow} catalog={catalog} onChange={(v) => now(updateEdge(edge.id, { recordLink: v }))} disabled={ro} />
      {editable ? (
        <button
          type="button"
          className="cfd-btn cfd-btn-danger"
          onClick={() => {
            store.run(removeElements({ edgeIds: [edge.id] }));
            select(ui);
          }}
        >
          <Icon name="trash" size={14} /> {t('inspector.delete')}
        </button>
      ) : null}
    </div>
  );
}
