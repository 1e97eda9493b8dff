import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Catalog, Flow } from '@crm/flow-runtime';
import { blankFlow, copyFlow, flowIdFromName, flowName, type Romanize } from '../document/new-flow.js';
import { HAS_HAN, loadPinyin } from '../document/pinyin.js';
import { useI18n } from '../i18n/index.js';
import { Dialog } from './Dialog.js';
import type { FlowTemplate } from './TemplatesDialog.js';

/** Props of {@link NewFlowDialog}. */
export interface NewFlowDialogProps {
  catalog: Catalog;
  /** Sample flows (templates) and published flows (to copy). */
  templates: readonly FlowTemplate[];
  /** Flow ids already in use (published flows and drafts): the new id avoids them. */
  taken: readonly string[];
  /** Called with the new flow (version 1, its id made from its name). */
  onCreate: (flow: Flow) => void;
  onClose: () => void;
}

type Source = 'blank' | 'sample' | 'published';

/**
 * "New flow": blank with the departments picked as lanes, from a template,
 * or as a copy of a published flow. The user names it; the id (made from the
 * name, unique) and the version (1) are the product's.
 */
export function NewFlowDialog({ catalog, templates, taken, onCreate, onClose }: NewFlowDialogProps) {
  const { t, text, locale } = useI18n();
  const [source, setSource] = useState<Source>('blank');
  const [nameEn, setNameEn] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [departments, setDepartments] = useState<string[]>([]);
  const [picked, setPicked] = useState<string | undefined>();
  const [tried, setTried] = useState(false);
  // The newest version of each published flow, and each sample once.
  const choices = useMemo(() => {
    const newest = new Map<string, FlowTemplate>();
    for (const tpl of templates) {
      if (tpl.source !== (source === 'published' ? 'published' : 'sample')) continue;
      const seen = newest.get(tpl.flow.id);
      if (!seen || seen.flow.version < tpl.flow.version) newest.set(tpl.flow.id, tpl);
    }
    return [...newest.values()].sort((a, b) => text(a.flow.name).localeCompare(text(b.flow.name), locale === 'zh' ? 'zh-CN' : 'en'));
  }, [templates, source, text, locale]);
  const chosen = choices.find((c) => `${c.source}:${c.flow.id}` === picked);
  const name = flowName(nameEn, nameZh);
  // A Chinese-only name gets a pinyin id ("退货退款" → tui-huo-tui-kuan); the romanizer loads on first need.
  const [romanize, setRomanize] = useState<{ fn: Romanize } | undefined>();
  const needsPinyin = !!name && HAS_HAN.test(name.en);
  useEffect(() => {
    if (!needsPinyin || romanize) return;
    let live = true;
    loadPinyin().then((fn) => live && setRomanize({ fn }), () => undefined);
    return () => {
      live = false;
    };
  }, [needsPinyin, romanize]);
  const id = name ? flowIdFromName(name, taken, romanize?.fn) : undefined;
  const problems = [
    ...(name ? [] : [t('newFlow.needName')]),
    ...(source === 'blank' && departments.length === 0 ? [t('newFlow.needDepartment')] : []),
    ...(source !== 'blank' && !chosen ? [t('newFlow.needSource')] : []),
  ];
  const toggle = (d: string) => setDepartments((list) => (list.includes(d) ? list.filter((x) => x !== d) : [...list, d]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.length || !name) return;
    const create = (fn: Romanize | undefined) => {
      // Lanes top to bottom in the order the departments were picked (where the flow starts first).
      if (source === 'blank') onCreate(blankFlow({ name, departments, taken, catalog, ...(fn ? { romanize: fn } : {}) }));
      else if (chosen) onCreate(copyFlow(chosen.flow, { name, taken, ...(fn ? { romanize: fn } : {}) }));
    };
    // Submitted before the romanizer arrived: wait for it (the id then is the one shown a moment later), or go without it.
    if (needsPinyin && !romanize) loadPinyin().then(create, () => create(undefined));
    else create(romanize?.fn);
  };
  return (
    <Dialog title={t('newFlow.title')} onClose={onClose} wide>
      <form className="cfd-new-flow" onSubmit={submit} data-testid="new-flow-dialog" noValidate>
        <fieldset className="cfd-new-flow-source">
          <legend>{t('newFlow.from')}</legend>
          {(['blank', 'sample', 'published'] as const).map((s) => (
            <label key={s} className={source === s ? 'is-on' : undefined}>
              <input type="radio" name="new-flow-source" value={s} checked={source === s} onChange={() => { setSource(s); setPicked(undefined); }} data-testid={`new-flow-${s}`} />
              {t(`newFlow.source.${s}`)}
            </label>
          ))}
        </fieldset>
        <div className="cfd-new-flow-names">
          <label>
            <span>{t('newFlow.nameEn')}</span>
            <input value={nameEn} onChange={(e) => setNameEn(e.target.value)} maxLength={200} data-testid="new-flow-name-en" />
          </label>
          <label>
            <span>{t('newFlow.nameZh')}</span>
            <input value={nameZh} onChange={(e) => setNameZh(e.target.value)} maxLength={200} data-testid="new-flow-name-zh" />
          </label>
        </div>
        {source === 'blank' ? (
          <fieldset className="cfd-new-flow-lanes" data-testid="new-flow-departments">
            <legend>{t('newFlow.lanes')}</legend>
            {departments.length > 0 ? (
              <span className="cfd-new-flow-order" data-testid="new-flow-lane-order">
                {t('newFlow.laneOrder', { lanes: departments.map((d) => text(catalog.departments.find((x) => x.id === d)?.name)).join(' → ') })}
              </span>
            ) : null}
            {catalog.departments.map((d) => (
              <label key={d.id}>
                <input type="checkbox" checked={departments.includes(d.id)} onChange={() => toggle(d.id)} />
                {text(d.name)}
              </label>
            ))}
          </fieldset>
        ) : (
          <fieldset className="cfd-new-flow-pick">
            <legend>{source === 'sample' ? t('newFlow.pickTemplate') : t('newFlow.pickPublished')}</legend>
            {choices.length === 0 ? <p className="cfd-muted">{t('newFlow.nonePublished')}</p> : null}
            <ul className="cfd-templates" data-testid="new-flow-choices">
              {choices.map((c) => {
                const key = `${c.source}:${c.flow.id}`;
                return (
                  <li key={key}>
                    <label className={`cfd-template ${picked === key ? 'is-picked' : ''}`}>
                      <input
                        type="radio"
                        name="new-flow-pick"
                        checked={picked === key}
                        onChange={() => {
                          setPicked(key);
                          // A copy is named after its source until the user names it.
                          if (!nameEn && !nameZh) {
                            setNameEn(t('newFlow.copyOf', { name: c.flow.name.en }));
                            if (c.flow.name.zh) setNameZh(`${c.flow.name.zh}${t('newFlow.copySuffixZh')}`);
                          }
                        }}
                      />
                      <span className={`cfd-tag ${c.source === 'published' ? 'is-published' : ''}`}>{c.source === 'sample' ? t('templates.sample') : `${t('templates.published')} v${c.flow.version}`}</span>
                      <strong>{text(c.flow.name)}</strong>
                      <span className="cfd-template-desc" title={c.flow.description ? text(c.flow.description) : undefined}>{c.flow.description ? text(c.flow.description) : c.flow.id}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        )}
        <p className="cfd-new-flow-id" data-testid="new-flow-id">
          {id ? t('newFlow.idLine', { id }) : t('newFlow.idLater')}
        </p>
        {tried && problems.length > 0 ? (
          <ul className="cfd-new-flow-problems" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <div className="cfd-dialog-actions">
          <button type="button" className="cfd-btn" onClick={onClose}>
            {t('newFlow.cancel')}
          </button>
          <button type="submit" className="cfd-btn cfd-btn-primary" data-testid="new-flow-create">
            {t('newFlow.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
