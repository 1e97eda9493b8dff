import { useEffect, useState } from 'react';
import type { Flow } from '@crm/flow-runtime';
import { updateFlow } from '../../document/commands/index.js';
import { useDesigner } from '../../designer/context.js';
import { useI18n } from '../../i18n/index.js';
import { DataSchemaEditor } from './DataSchemaEditor.js';
import { Row, TextArea, TextField } from './fields.js';
import { useEdit } from './useEdit.js';

/** Edits the flow itself: name, description and data schema. */
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
      <TextArea label={`${t('inspector.description')} (EN)`} value={flow.description?.en ?? ''} onChange={(v) => live(updateFlow({ description: v || flow.description?.zh ? { ...flow.description, en: v } : undefined }), 'flow:desc-en')} onCommit={done} disabled={ro} />
      <TextArea label={`${t('inspector.description')} (中文)`} value={flow.description?.zh ?? ''} onChange={(v) => live(updateFlow({ description: { en: flow.description?.en ?? '', ...(v ? { zh: v } : {}) } }), 'flow:desc-zh')} onCommit={done} disabled={ro} />
      <h3 className="cfd-subtitle">{t('inspector.data')}</h3>
      <DataSchemaEditor flow={flow} />
    </div>
  );
}
