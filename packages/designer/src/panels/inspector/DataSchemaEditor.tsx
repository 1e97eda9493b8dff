import { useEffect, useRef, useState } from 'react';
import type { Flow, Variable } from '@crm/flow-runtime';
import { removeVariable, setVariable } from '../../document/commands/index.js';
import { useDesigner } from '../../designer/context.js';
import { useStateStore } from '../../designer/state-store.js';
import { useI18n } from '../../i18n/index.js';
import { Icon } from '../../canvas/icons.js';
import { useEdit } from './useEdit.js';

const TYPES: Variable['type'][] = ['record', 'string', 'text', 'number', 'integer', 'money', 'percent', 'boolean', 'date', 'datetime', 'enum', 'reference', 'user', 'list'];

/** The flow's process variables: name, type and, for records, the entity; the one a problem is about is highlighted. */
export function DataSchemaEditor({ flow }: { flow: Flow }) {
  const { t, text } = useI18n();
  const { catalog, editable, ui } = useDesigner();
  const { now } = useEdit();
  // The variable a problem is about (clicked in the problems panel): highlighted and scrolled into view.
  const selected = useStateStore(ui, (s) => s.selectedVariable);
  const rows = useRef(new Map<string, HTMLTableRowElement>());
  useEffect(() => {
    if (selected) rows.current.get(selected)?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  const [draftName, setDraftName] = useState('');
  const ro = !editable;
  const add = () => {
    const name = draftName.trim();
    if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(name) || name in flow.data) return;
    now(setVariable(name, { type: 'boolean' }));
    setDraftName('');
  };
  return (
    <div className="cfd-schema" data-testid="data-schema">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('inspector.variable')}</th>
            <th scope="col">{t('inspector.type')}</th>
            <th scope="col">{t('inspector.entity')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {Object.entries(flow.data).map(([name, v]) => (
            <tr
              key={name}
              ref={(el) => {
                if (el) rows.current.set(name, el);
                else rows.current.delete(name);
              }}
              className={selected === name ? 'is-selected' : undefined}
              aria-current={selected === name ? 'true' : undefined}
              data-variable={name}
            >
              <td>
                <code>{name}</code>
              </td>
              <td>
                <select className="cfd-input" aria-label={t('common.about', { label: t('inspector.type'), subject: name })} value={v.type} disabled={ro} onChange={(e) => now(setVariable(name, { ...v, type: e.target.value as Variable['type'] }))}>
                  {TYPES.map((x) => (
                    <option key={x} value={x}>{t(`varType.${x}`)}</option>
                  ))}
                </select>
              </td>
              <td>
                {v.type === 'record' || v.type === 'reference' ? (
                  <select className="cfd-input" aria-label={t('common.about', { label: t('inspector.entity'), subject: name })} value={v.entity ?? ''} disabled={ro} onChange={(e) => now(setVariable(name, { ...v, entity: e.target.value }))}>
                    <option value="">{t('inspector.none')}</option>
                    {catalog.entities.map((en) => (
                      <option key={en.id} value={en.id}>{text(en.name)}</option>
                    ))}
                  </select>
                ) : null}
              </td>
              <td>
                {editable ? (
                  <button type="button" className="cfd-icon-btn" aria-label={t('inspector.removeVariable', { name })} title={t('inspector.removeVariable', { name })} onClick={() => now(removeVariable(name))}>
                    <Icon name="trash" size={13} />
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable ? (
        <div className="cfd-schema-add">
          <input className="cfd-input" value={draftName} onChange={(e) => setDraftName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} placeholder={t('inspector.variable')} aria-label={t('inspector.variable')} data-testid="new-variable" />
          <button type="button" className="cfd-btn" onClick={add}>
            <Icon name="plus" size={13} /> {t('inspector.addVariable')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
