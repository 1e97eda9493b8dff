import { useEffect, useId, useState, type ReactNode } from 'react';
import type { Catalog, Flow, RecordLink } from '@crm/flow-runtime';
import { useI18n } from '../../i18n/index.js';

type Part = keyof RecordLink;
type Draft = Partial<RecordLink>;
type Option = { value: string; label: string };

/** The values `equals` may name: each variable, and each field of a record variable's entity (and its id). */
export function linkValueChoices(flow: Flow, catalog: Catalog, text: (v: { en: string; zh?: string } | undefined) => string, aside: (text: string, id: string) => string, idName: string): { group: string; options: Option[] }[] {
  return Object.entries(flow.data).map(([name, v]) => {
    const entity = v.entity ? catalog.entities.find((e) => e.id === v.entity) : undefined;
    const varName = text(v.name) || text(entity?.name) || name;
    const group = varName === name ? name : aside(varName, name);
    // A record variable offers its fields; any other variable (a reference holds an id) is a value itself.
    if (!entity || v.type !== 'record') return { group, options: [{ value: name, label: group }] };
    const fields = [{ value: `${name}.id`, label: aside(`${varName} › ${idName}`, `${name}.id`) }];
    for (const f of entity.fields) fields.push({ value: `${name}.${f.id}`, label: aside(`${varName} › ${text(f.name) || f.id}`, `${name}.${f.id}`) });
    return { group, options: fields };
  });
}

/**
 * A connection's record link picked from lists: the entity of the record the
 * next step opens, the field matched, and the flow value it must equal, each
 * by its readable name. A link is written only when all three are picked and
 * known; until then (and for a link read from a file that names something
 * unknown) the parts stay as they are and a message says what is missing.
 */
export function RecordLinkField({ value, flow, catalog, onChange, disabled, testId = 'edge-record-link' }: { value: RecordLink | undefined; flow: Flow; catalog: Catalog; onChange: (v: RecordLink | undefined) => void; disabled?: boolean; testId?: string }) {
  const { t, text } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<Draft | undefined>();
  // An outside change (undo, another edit) replaces any half-picked link.
  useEffect(() => setDraft(undefined), [value]);
  const shown: Draft = draft ?? value ?? {};
  const aside = (s: string, a: string) => (s === a ? a : t('common.aside', { text: s, aside: a }));

  const entity = shown.entity ? catalog.entities.find((e) => e.id === shown.entity) : undefined;
  const entityOptions = catalog.entities.map((e) => ({ value: e.id, label: aside(text(e.name) || e.id, e.id) }));
  const fieldOptions = entity ? [{ value: 'id', label: aside(t('recordLink.idField'), 'id') }, ...entity.fields.map((f) => ({ value: f.id, label: aside(text(f.name) || f.id, f.id) }))] : [];
  const valueGroups = linkValueChoices(flow, catalog, text, aside, t('recordLink.idField'));
  const knownValue = (p: string) => valueGroups.some((g) => g.options.some((o) => o.value === p));

  const problems: Partial<Record<Part, string>> = {};
  if (shown.entity || shown.field || shown.equals) {
    if (!shown.entity) problems.entity = t('recordLink.pickEntity');
    else if (!entity) problems.entity = t('recordLink.unknownEntity', { entity: shown.entity });
    if (!shown.field) problems.field = t('recordLink.pickField');
    else if (entity && !fieldOptions.some((o) => o.value === shown.field)) problems.field = t('recordLink.unknownField', { field: shown.field, entity: text(entity.name) || entity.id });
    if (!shown.equals) problems.equals = t('recordLink.pickValue');
    else if (!knownValue(shown.equals)) problems.equals = t('recordLink.unknownValue', { path: shown.equals });
  }

  const pick = (part: Part, v: string) => {
    if (part === 'entity' && !v) {
      // "No link" removes the link: the one choice that drops it.
      setDraft(undefined);
      return onChange(undefined);
    }
    const next: Draft = { ...shown, [part]: v || undefined };
    const nextEntity = catalog.entities.find((e) => e.id === next.entity);
    const complete = next.entity && next.field && next.equals && nextEntity && (next.field === 'id' || nextEntity.fields.some((f) => f.id === next.field)) && knownValue(next.equals);
    if (complete) {
      setDraft(undefined);
      onChange({ entity: next.entity!, field: next.field!, equals: next.equals! });
    } else setDraft(next);
  };

  // A value the lists do not know is kept and shown as it is, marked unknown, never replaced.
  const unknown = (v: string | undefined, options: Option[]) => (v && !options.some((o) => o.value === v) ? <option value={v}>{t('recordLink.unknownOption', { value: v })}</option> : null);
  const select = (part: Part, label: string, body: ReactNode, options: Option[]) => (
    <div className="cfd-row">
      <label className="cfd-row-label" htmlFor={`${id}-${part}`}>{label}</label>
      <select id={`${id}-${part}`} className="cfd-input" value={shown[part] ?? ''} onChange={(e) => pick(part, e.target.value)} disabled={disabled || (part !== 'entity' && !shown.entity)} aria-invalid={problems[part] !== undefined} aria-describedby={problems[part] ? `${id}-${part}-why` : undefined} data-testid={`${testId}-${part}`}>
        {unknown(shown[part], options)}
        {body}
      </select>
      {problems[part] ? <p id={`${id}-${part}-why`} className="cfd-json-status is-error" role="status">{problems[part]}</p> : null}
    </div>
  );
  const allValues = valueGroups.flatMap((g) => g.options);

  return (
    <fieldset className="cfd-row cfd-record-link" data-testid={testId}>
      <legend className="cfd-row-label">{t('inspector.recordLink')}</legend>
      {select(
        'entity',
        t('recordLink.entity'),
        <>
          <option value="">{t('recordLink.none')}</option>
          {entityOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </>,
        [{ value: '', label: '' }, ...entityOptions],
      )}
      {shown.entity ? (
        <>
          {select(
            'field',
            t('recordLink.field'),
            <>
              {shown.field ? null : <option value="">{t('recordLink.choose')}</option>}
              {fieldOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </>,
            fieldOptions,
          )}
          {select(
            'equals',
            t('recordLink.equals'),
            <>
              {shown.equals ? null : <option value="">{t('recordLink.choose')}</option>}
              {valueGroups.map((g) => (
                <optgroup key={g.group} label={g.group}>
                  {g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </optgroup>
              ))}
            </>,
            allValues,
          )}
        </>
      ) : null}
      {draft ? <p className="cfd-json-status" role="status" data-testid={`${testId}-pending`}>{t('recordLink.pending')}</p> : null}
    </fieldset>
  );
}
