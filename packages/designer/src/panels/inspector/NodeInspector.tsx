import { useEffect, useState } from 'react';
import type { Flow, FlowNode, LocalizedText } from '@crm/flow-runtime';
import { moveNodes, removeElements, updateNode, type NodePatch } from '../../document/commands/index.js';
import { compose } from '../../document/compose.js';
import { laneBands } from '../../document/geometry.js';
import { useDesigner } from '../../designer/context.js';
import { select } from '../../designer/ui-state.js';
import { useI18n } from '../../i18n/index.js';
import { Icon } from '../../canvas/icons.js';
import { ConditionBuilder } from '../condition/ConditionBuilder.js';
import { CheckField, CheckList, SelectField, TextArea, TextField } from './fields.js';
import { JsonField } from './JsonField.js';
import { checkRule } from '@crm/flow-runtime';
import { useEdit } from './useEdit.js';
import { editNotes, notesText } from './notes.js';

/** Edits the selected step: names, department, roles, window, mandatory, SLA, separation of duties, notes, and its kind's own fields. */
export function NodeInspector({ node, flow }: { node: FlowNode; flow: Flow }) {
  const { t, text } = useI18n();
  const { catalog, editable, ui, store } = useDesigner();
  const { live, now, done } = useEdit();
  const ro = !editable;
  const key = (f: string) => `node:${node.id}:${f}`;
  const set = (patch: NodePatch, field: string) => live(updateNode(node.id, patch), key(field));
  const setNow = (patch: NodePatch) => now(updateNode(node.id, patch));
  const name = (lang: 'en' | 'zh', v: string): LocalizedText => (lang === 'en' ? { ...node.name, en: v || ' ' } : v ? { ...node.name, zh: v } : { en: node.name.en });

  const [id, setId] = useState(node.id);
  useEffect(() => setId(node.id), [node.id]);
  const commitId = () => {
    if (id === node.id || !/^[A-Za-z][A-Za-z0-9_.-]*$/.test(id) || flow.nodes.some((n) => n.id === id)) return setId(node.id);
    now(updateNode(node.id, { id }, 'Rename step id'));
    select(ui, [id]);
  };

  const changeDepartment = (department: string | undefined) => {
    const bands = laneBands(flow, catalog);
    const from = bands.find((b) => b.department === node.department);
    const pos = flow.layout?.nodes?.[node.id];
    const cmd = updateNode(node.id, { department });
    if (!department || !pos) return now(cmd);
    // Move the step into its new lane (keeping its place within the lane) so it is drawn where it belongs.
    const after = laneBands({ ...flow, layout: { ...flow.layout, lanes: [...(flow.layout?.lanes ?? []), ...(bands.some((b) => b.department === department) ? [] : [{ department }])] } }, catalog);
    const to = after.find((b) => b.department === department);
    const offset = from ? pos.y - from.top : 40;
    now(compose('Change department', cmd, moveNodes({ [node.id]: { x: pos.x, y: (to?.top ?? 0) + Math.min(Math.max(offset, 10), (to?.height ?? 200) - 60) } })));
  };

  const roleOptions = catalog.roles.map((r) => ({ value: r.id, label: text(r.name) }));
  // A record variable by its name (or its entity's), with the id it is written with in conditions: "Customer (customer)".
  const variableLabel = (id: string) => {
    const v = flow.data[id];
    const named = text(v?.name) || text(catalog.entities.find((e) => e.id === v?.entity)?.name);
    return named && named !== id ? t('common.aside', { text: named, aside: id }) : id;
  };
  const others = flow.nodes.filter((n) => n.kind === 'task' && n.id !== node.id).map((n) => ({ value: n.id, label: text(n.name) }));

  return (
    <div className="cfd-inspector-body" data-testid="node-inspector">
      <div className="cfd-inspector-kind">
        <Icon name={node.kind} size={14} /> {t(`kind.${node.kind}`)}
      </div>
      <TextField label={t('inspector.nameEn')} value={node.name.en} onChange={(v) => set({ name: name('en', v) }, 'name-en')} onCommit={done} disabled={ro} testId="node-name-en" lang="en" />
      <TextField label={t('inspector.nameZh')} value={node.name.zh ?? ''} onChange={(v) => set({ name: name('zh', v) }, 'name-zh')} onCommit={done} disabled={ro} testId="node-name-zh" lang="zh" />
      <TextField label={t('inspector.id')} value={id} onChange={setId} onCommit={commitId} disabled={ro} testId="node-id" />
      <SelectField label={t('inspector.department')} value={node.department} none={t('inspector.none')} options={catalog.departments.map((d) => ({ value: d.id, label: text(d.name) }))} onChange={changeDepartment} disabled={ro} testId="node-department" />

      {node.kind === 'task' ? (
        <>
          <CheckList label={t('inspector.roles')} values={node.roles ?? []} options={roleOptions} onChange={(v) => setNow({ roles: v.length ? v : undefined })} disabled={ro} testId="node-roles" />
          <SelectField label={t('inspector.window')} value={node.window} none={t('inspector.none')} options={catalog.windows.map((w) => ({ value: w.id, label: text(w.name) }))} onChange={(v) => setNow({ window: v })} disabled={ro} testId="node-window" />
          {recordChoices(flow, catalog, node.window).length > 1 || node.record ? (
            <SelectField label={t('inspector.record')} value={node.record} none={t('inspector.none')} options={recordChoices(flow, catalog, node.window).map((v) => ({ value: v, label: variableLabel(v) }))} onChange={(v) => setNow({ record: v })} disabled={ro} testId="node-record" />
          ) : null}
          <CheckField label={t('inspector.mandatory')} checked={node.mandatory === true} onChange={(v) => setNow({ mandatory: v || undefined })} disabled={ro} testId="node-mandatory" />
          <TextField
            label={t('inspector.slaHours')}
            value={typeof node.sla?.hours === 'number' ? String(node.sla.hours) : node.sla ? JSON.stringify(node.sla.hours) : ''}
            onChange={(v) => {
              const hours = Number(v);
              set({ sla: v.trim() === '' || !Number.isFinite(hours) || hours <= 0 ? undefined : { ...node.sla, hours } }, 'sla');
            }}
            onCommit={done}
            disabled={ro}
            testId="node-sla"
          />
          {node.sla ? <SelectField label={t('inspector.slaEscalate')} value={node.sla.escalateTo} none={t('inspector.none')} options={roleOptions} onChange={(v) => setNow({ sla: { hours: node.sla!.hours, ...(v ? { escalateTo: v } : {}) } })} disabled={ro} /> : null}
          {others.length > 0 ? <CheckList label={t('inspector.separation')} values={node.notSameActorAs ?? []} options={others} onChange={(v) => setNow({ notSameActorAs: v.length ? v : undefined })} disabled={ro} testId="node-separation" /> : null}
        </>
      ) : null}

      {node.kind === 'start' ? <CheckList label={t('inspector.roles')} values={node.roles ?? []} options={roleOptions} onChange={(v) => setNow({ roles: v.length ? v : undefined })} disabled={ro} testId="start-roles" /> : null}

      {node.kind === 'decision' ? (
        <>
          <TextField label={t('common.inEnglish', { label: t('inspector.question') })} value={node.question?.en ?? ''} onChange={(v) => set({ question: v ? { ...node.question, en: v } : undefined }, 'question-en')} onCommit={done} disabled={ro} />
          <TextField label={t('common.inChinese', { label: t('inspector.question') })} value={node.question?.zh ?? ''} onChange={(v) => set({ question: node.question ? (v ? { ...node.question, zh: v } : { en: node.question.en }) : v ? { en: v, zh: v } : undefined }, 'question-zh')} onCommit={done} disabled={ro} />
        </>
      ) : null}

      {node.kind === 'end' ? <TextField label={t('inspector.outcome')} value={node.outcome ?? ''} onChange={(v) => set({ outcome: /^[A-Za-z][A-Za-z0-9_.-]*$/.test(v) ? v : undefined }, 'outcome')} onCommit={done} disabled={ro} testId="node-outcome" /> : null}

      {node.kind === 'wait' ? (
        <>
          <div className="cfd-row">
            <span className="cfd-row-label">{t('inspector.until')}</span>
            <ConditionBuilder key={node.id} value={node.until} flow={flow} label={t('inspector.until')} onChange={(rule) => set({ until: rule }, 'until')} onCommit={done} disabled={ro} />
          </div>
          <TextField label={t('inspector.timerHours')} value={typeof node.timer?.hours === 'number' ? String(node.timer.hours) : ''} onChange={(v) => set({ timer: v.trim() && Number(v) > 0 ? { hours: Number(v) } : undefined }, 'timer')} onCommit={done} disabled={ro} />
        </>
      ) : null}

      {node.kind === 'system' ? (
        <>
          <JsonField label={t('inspector.assign')} value={node.assign} onChange={(v) => set({ assign: v }, 'assign')} onCommit={done} disabled={ro} check={checkAssignments} testId="node-assign" />
          <JsonField label={t('inspector.alert')} value={node.alert} onChange={(v) => set({ alert: v }, 'alert')} onCommit={done} disabled={ro} check={checkAlert} testId="node-alert" />
        </>
      ) : null}

      {node.kind === 'subflow' ? <TextField label={t('inspector.subflow')} value={node.flow} onChange={(v) => set({ flow: v || 'choose-a-flow' }, 'flow')} onCommit={done} disabled={ro} testId="node-subflow" /> : null}

      {node.kind === 'subflow' ? (
        <>
          <JsonField label={t('inspector.subflowInput')} value={node.input} onChange={(v) => set({ input: v }, 'input')} onCommit={done} disabled={ro} check={checkRuleMap} />
          <JsonField label={t('inspector.subflowOutput')} value={node.output} onChange={(v) => set({ output: v }, 'output')} onCommit={done} disabled={ro} check={checkRuleMap} />
        </>
      ) : null}

      <TextArea label={t('common.inEnglish', { label: t('inspector.notes') })} hint={t('inspector.notesHint')} value={notesText(node.notes, 'en')} onChange={(v) => set({ notes: editNotes(node.notes, 'en', v) }, 'notes-en')} onCommit={done} disabled={ro} testId="node-notes" lang="en" />
      <TextArea label={t('common.inChinese', { label: t('inspector.notes') })} hint={t('inspector.notesZhHint')} value={notesText(node.notes, 'zh')} onChange={(v) => set({ notes: editNotes(node.notes, 'zh', v) }, 'notes-zh')} onCommit={done} disabled={ro} testId="node-notes-zh" lang="zh" />

      {editable ? (
        <button
          type="button"
          className="cfd-btn cfd-btn-danger"
          onClick={() => {
            store.run(removeElements({ nodeIds: [node.id] }));
            select(ui);
          }}
        >
          <Icon name="trash" size={14} /> {t('inspector.delete')}
        </button>
      ) : null}
    </div>
  );
}

function checkAssignments(v: unknown): string | undefined {
  if (!Array.isArray(v)) return 'json.assignments';
  for (const a of v) {
    if (!a || typeof a !== 'object' || typeof (a as { target?: unknown }).target !== 'string' || !('value' in a)) return 'json.assignments';
    const issue = checkRule((a as { value: unknown }).value)[0];
    if (issue) return issue.message;
  }
  return undefined;
}

function checkAlert(v: unknown): string | undefined {
  const a = v as { message?: { en?: unknown }; to?: unknown } | null;
  if (!a || typeof a !== 'object' || typeof a.message?.en !== 'string' || !Array.isArray(a.to) || a.to.length === 0) return 'json.alert';
  return undefined;
}

function checkRuleMap(v: unknown): string | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'json.ruleMap';
  for (const rule of Object.values(v)) {
    const issue = checkRule(rule)[0];
    if (issue) return issue.message;
  }
  return undefined;
}

/** The record variables a task's window can open: those holding the window's entity. */
function recordChoices(flow: Flow, catalog: { windows: { id: string; entity: string }[] }, window: string | undefined): string[] {
  const entity = catalog.windows.find((w) => w.id === window)?.entity;
  return Object.entries(flow.data)
    .filter(([, v]) => v.type === 'record' && (!entity || v.entity === entity))
    .map(([name]) => name);
}
