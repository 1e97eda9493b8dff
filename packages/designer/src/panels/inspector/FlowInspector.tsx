import { useEffect, useRef, useState } from 'react';
import type { Flow } from '@crm/flow-runtime';
import { updateFlow } from '../../document/commands/index.js';
import { useDesigner } from '../../designer/context.js';
import { useStateStore } from '../../designer/state-store.js';
import { Icon } from '../../canvas/icons.js';
import { describeRule } from '../../canvas/describe-rule.js';
import { useI18n } from '../../i18n/index.js';
import { DataSchemaEditor } from './DataSchemaEditor.js';
import { Row, TextArea, TextField } from './fields.js';
import { useEdit } from './useEdit.js';

/** Edits the flow itself: name, description and data schema; lists its control points. */
export function FlowInspector({ flow }: { flow: Flow }) {
  const { t } = useI18n();
  const { editable, idManaged } = useDesigner();
  const { live, now, done } = useEdit();
  const ro = !editable;
  const [id, setId] = useState(flow.id);
  useEffect(() => setId(flow.id), [flow.id]);
  const commitId = () => (/^[A-Za-z][A-Za-z0-9_.-]*$/.test(id) && id !== flow.id ? now(updateFlow({ id })) : setId(flow.id));
  return (
    <div className="cfd-inspector-body" data-testid="flow-inspector">
      {idManaged ? (
        <Row label={t('inspector.id')} hint={t('toolbar.idManaged')}>
          <code className="cfd-flow-id" data-testid="flow-id">{flow.id}</code>
        </Row>
      ) : (
        <TextField label={t('inspector.id')} value={id} onChange={setId} onCommit={commitId} disabled={ro} testId="flow-id" />
      )}
      <TextField label={t('inspector.nameEn')} value={flow.name.en} onChange={(v) => live(updateFlow({ name: { ...flow.name, en: v || ' ' } }), 'flow:name-en')} onCommit={done} disabled={ro} testId="flow-name-en" />
      <TextField label={t('inspector.nameZh')} value={flow.name.zh ?? ''} onChange={(v) => live(updateFlow({ name: v ? { ...flow.name, zh: v } : { en: flow.name.en } }), 'flow:name-zh')} onCommit={done} disabled={ro} testId="flow-name-zh" />
      <TextArea label={t('common.inEnglish', { label: t('inspector.description') })} value={flow.description?.en ?? ''} onChange={(v) => live(updateFlow({ description: v || flow.description?.zh ? { ...flow.description, en: v } : undefined }), 'flow:desc-en')} onCommit={done} disabled={ro} />
      <TextArea label={t('common.inChinese', { label: t('inspector.description') })} value={flow.description?.zh ?? ''} onChange={(v) => live(updateFlow({ description: { en: flow.description?.en ?? '', ...(v ? { zh: v } : {}) } }), 'flow:desc-zh')} onCommit={done} disabled={ro} />
      <h3 className="cfd-subtitle">{t('inspector.data')}</h3>
      <DataSchemaEditor flow={flow} />
      {flow.controls?.length ? <ControlList flow={flow} /> : null}
    </div>
  );
}

/**
 * The flow's control points (alerts and gates), each with its condition in
 * words, who it alerts or which steps it holds; the one a problem is about
 * (`selectedControl`) is highlighted and scrolled into view.
 */
function ControlList({ flow }: { flow: Flow }) {
  const { t, locale } = useI18n();
  const { ui, catalog } = useDesigner();
  const selected = useStateStore(ui, (s) => s.selectedControl);
  const refs = useRef(new Map<string, HTMLLIElement>());
  useEffect(() => {
    if (selected) refs.current.get(selected)?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  const stepName = (id: string) => {
    const n = flow.nodes.find((x) => x.id === id);
    return n?.name ? pick(n.name, locale) : id;
  };
  const roleName = (id: string) => {
    const r = catalog?.roles.find((x) => x.id === id);
    return r ? pick(r.name, locale) : id;
  };
  return (
    <>
      <h3 className="cfd-subtitle">{t('inspector.controls')}</h3>
      <ul className="cfd-controls" data-testid="flow-controls">
        {flow.controls!.map((c) => (
          <li
            key={c.id}
            ref={(el) => {
              if (el) refs.current.set(c.id, el);
              else refs.current.delete(c.id);
            }}
            className={`cfd-control${selected === c.id ? ' is-selected' : ''}`}
            aria-current={selected === c.id ? 'true' : undefined}
            data-testid="flow-control"
            data-control={c.id}
          >
            <div className="cfd-control-head">
              <Icon name={c.kind === 'gate' ? 'shield' : 'bell'} size={13} /> <strong>{pick(c.name, locale)}</strong> <span className="cfd-control-kind">{t(c.kind === 'gate' ? 'inspector.controlGate' : 'inspector.controlAlert')}</span>
            </div>
            <div className="cfd-control-line">{t('inspector.controlWhen', { rule: describeRule(c.when, flow, catalog, locale) })}</div>
            {c.kind === 'alert' ? <div className="cfd-control-line">{t('inspector.controlNotifies', { roles: (c.notify ?? []).map(roleName).join(locale === 'zh' ? '、' : ', ') || '—' })}</div> : null}
            {c.kind === 'gate' ? <div className="cfd-control-line">{t('inspector.controlBlocks', { steps: (c.blocks ?? []).map(stepName).join(locale === 'zh' ? '、' : ', ') || '—' })}</div> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function pick(text: { en: string; zh?: string | undefined }, locale: string): string {
  return locale === 'zh' ? (text.zh ?? text.en) : text.en;
}
