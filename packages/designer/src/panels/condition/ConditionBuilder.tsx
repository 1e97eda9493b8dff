import { useContext, useEffect, useMemo, useState } from 'react';
import { QueryBuilder, type RuleGroupType } from 'react-querybuilder';
import { checkRule, type Catalog, type Flow } from '@crm/flow-runtime';
import { describeRule } from '../../canvas/describe-rule.js';
import { DesignerContext } from '../../designer/context.js';
import { useI18n } from '../../i18n/index.js';
import { queryFields } from './query-fields.js';
import { DateValueEditor } from './DateValueEditor.js';
import { EMPTY_QUERY, queryToRule, ruleToQuery } from './round-trip.js';

/** Props of {@link ConditionBuilder}. */
export interface ConditionBuilderProps {
  /** The JsonLogic rule, or undefined for none. */
  value: unknown;
  /** Called with the new rule (undefined: removed) on every valid change. */
  onChange: (rule: unknown) => void;
  /** Called when the user leaves the builder (closes a typing session as one undo step). */
  onCommit?: () => void;
  flow: Flow;
  label: string;
  disabled?: boolean;
  /** The catalog naming the fields; defaults to the surrounding designer's. */
  catalog?: Catalog;
}

/**
 * Builds a JsonLogic condition over the flow's data schema with
 * react-querybuilder, or edits it as raw JSON checked live against the
 * JsonLogic policy. Rules the builder cannot show open in JSON mode.
 */
export function ConditionBuilder({ value, onChange, onCommit, flow, label, disabled = false, catalog: ownCatalog }: ConditionBuilderProps) {
  const { t, locale } = useI18n();
  const designer = useContext(DesignerContext);
  const catalog = ownCatalog ?? designer?.catalog;
  const fields = useMemo(() => queryFields(flow, catalog, locale), [flow.data, catalog, locale]);
  const representable = useMemo(() => ruleToQuery(value, fields), [value, fields]);
  const [mode, setMode] = useState<'builder' | 'json'>(representable ? 'builder' : 'json');
  const [query, setQuery] = useState<RuleGroupType>(representable ?? EMPTY_QUERY);
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [jsonError, setJsonError] = useState<string | undefined>();

  // Follow outside changes (undo, another selection) without clobbering what is being typed.
  useEffect(() => {
    const current = queryToRule(query, fields);
    if (JSON.stringify(current) !== JSON.stringify(value)) {
      if (representable) setQuery(representable);
      else setMode('json');
    }
    try {
      if (JSON.stringify(JSON.parse(text || 'null')) !== JSON.stringify(value ?? null)) setText(value === undefined ? '' : JSON.stringify(value, null, 2));
    } catch {
      // the user is in the middle of typing invalid JSON; leave it
    }
  }, [value]);

  const onQuery = (q: RuleGroupType) => {
    setQuery(q);
    onChange(queryToRule(q, fields));
  };

  const onText = (s: string) => {
    setText(s);
    if (s.trim() === '') {
      setJsonError(undefined);
      onChange(undefined);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(s);
    } catch (e) {
      setJsonError(t('condition.invalidJson', { message: e instanceof Error ? e.message : String(e) }));
      return;
    }
    const issues = checkRule(parsed);
    if (issues.length > 0) {
      setJsonError(issues.map((i) => i.message).join(' '));
      return;
    }
    setJsonError(undefined);
    onChange(parsed);
  };

  const reading = value !== undefined ? describeRule(value, flow, catalog, locale) : undefined;

  return (
    <div className="cfd-condition" aria-label={label} role="group" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && onCommit?.()}>
      <div className="cfd-segmented" role="tablist" aria-label={label}>
        <button type="button" role="tab" aria-selected={mode === 'builder'} disabled={!representable && mode === 'json'} onClick={() => setMode('builder')}>
          {t('condition.builder')}
        </button>
        <button type="button" role="tab" aria-selected={mode === 'json'} onClick={() => setMode('json')}>
          {t('condition.json')}
        </button>
      </div>
      {mode === 'builder' ? (
        <div className="cfd-rqb">
          <QueryBuilder
            fields={fields}
            query={query}
            onQueryChange={onQuery}
            disabled={disabled}
            controlClassnames={{ queryBuilder: 'queryBuilder-branches' }}
            controlElements={{ valueEditor: DateValueEditor }}
            combinators={[
              { name: 'and', value: 'and', label: t('condition.all') },
              { name: 'or', value: 'or', label: t('condition.any') },
            ]}
            translations={{
              fields: { title: t('condition.field') },
              operators: { title: t('condition.operator') },
              value: { title: t('condition.value') },
              combinators: { title: t('condition.combinator') },
              addRule: { label: t('condition.addRuleLabel'), title: t('condition.add') },
              addGroup: { label: t('condition.addGroupLabel'), title: t('condition.addGroup') },
              removeRule: { label: '×', title: t('condition.clear') },
              removeGroup: { label: '×', title: t('condition.removeGroup') },
            }}
          />
        </div>
      ) : (
        <div className="cfd-json">
          {!representable && value !== undefined ? <p className="cfd-note">{t('condition.tooComplex')}</p> : null}
          <textarea
            value={text}
            onChange={(e) => onText(e.target.value)}
            spellCheck={false}
            rows={6}
            disabled={disabled}
            aria-label={t('common.aside', { text: label, aside: 'JSON' })}
            aria-invalid={jsonError !== undefined}
            data-testid="condition-json"
          />
          <p className={`cfd-json-status ${jsonError ? 'is-error' : 'is-ok'}`} role="status">
            {jsonError ?? (text.trim() ? t('condition.ok') : t('condition.none'))}
          </p>
        </div>
      )}
      {reading ? <p className="cfd-reading">{t('condition.reads', { text: reading })}</p> : null}
    </div>
  );
}
