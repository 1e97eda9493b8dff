import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Catalog, Flow } from '@crm/flow-runtime';
import { toSop } from '@crm/flow-runtime/analysis';
import type { Token, Tokens } from 'marked';
import { Icon } from '../canvas/icons.js';
import { useI18n } from '../i18n/index.js';
import { Dialog } from './Dialog.js';

/** Inline Markdown tokens as React elements (text stays text: nothing is read as HTML). */
function inline(tokens: Token[] | undefined, key = ''): ReactNode[] {
  return (tokens ?? []).map((tok, i) => {
    const k = `${key}${i}`;
    switch (tok.type) {
      case 'strong':
        return <strong key={k}>{inline((tok as Tokens.Strong).tokens, k)}</strong>;
      case 'em':
        return <em key={k}>{inline((tok as Tokens.Em).tokens, k)}</em>;
      case 'codespan':
        return <code key={k}>{(tok as Tokens.Codespan).text}</code>;
      case 'br':
        return <br key={k} />;
      case 'text':
        return (tok as Tokens.Text).tokens ? <span key={k}>{inline((tok as Tokens.Text).tokens, k)}</span> : <span key={k}>{(tok as Tokens.Text).text}</span>;
      default:
        return <span key={k}>{'text' in tok && typeof tok.text === 'string' ? tok.text : tok.raw}</span>;
    }
  });
}

/** Block Markdown tokens (headings, paragraphs, lists, tables, quotes) as React elements. */
function blocks(tokens: Token[], key = ''): ReactNode[] {
  return tokens.map((tok, i) => {
    const k = `${key}${i}`;
    switch (tok.type) {
      case 'space':
        return null;
      case 'heading': {
        const h = tok as Tokens.Heading;
        const Tag = (`h${Math.min(6, h.depth + 1)}` as 'h2');
        return <Tag key={k}>{inline(h.tokens, k)}</Tag>;
      }
      case 'paragraph':
        return <p key={k}>{inline((tok as Tokens.Paragraph).tokens, k)}</p>;
      case 'blockquote':
        return <blockquote key={k}>{blocks((tok as Tokens.Blockquote).tokens, k)}</blockquote>;
      case 'list': {
        const l = tok as Tokens.List;
        const items = l.items.map((it, j) => <li key={`${k}-${j}`}>{blocks(it.tokens, `${k}-${j}-`)}</li>);
        return l.ordered ? <ol key={k}>{items}</ol> : <ul key={k}>{items}</ul>;
      }
      case 'table': {
        const tb = tok as Tokens.Table;
        return (
          <table key={k}>
            <thead>
              <tr>{tb.header.map((c, j) => <th key={j}>{inline(c.tokens, `${k}h${j}`)}</th>)}</tr>
            </thead>
            <tbody>
              {tb.rows.map((row, r) => (
                <tr key={r}>{row.map((c, j) => <td key={j}>{inline(c.tokens, `${k}r${r}c${j}`)}</td>)}</tr>
              ))}
            </tbody>
          </table>
        );
      }
      case 'text':
        return <span key={k}>{(tok as Tokens.Text).tokens ? inline((tok as Tokens.Text).tokens, k) : (tok as Tokens.Text).text}</span>;
      case 'hr':
        return <hr key={k} />;
      default:
        return <p key={k}>{tok.raw}</p>;
    }
  });
}

/**
 * The flow written down as its standard operating procedure (the runtime's
 * SOP), in the UI language: purpose, who does what, every step with its
 * window and rules, control points, outcomes, open questions and clarity —
 * for a reviewer to read before approving, and to download as Markdown.
 */
export function SopDialog({ flow, catalog, onClose }: { flow: Flow; catalog: Catalog; onClose: () => void }) {
  const { t, text, locale } = useI18n();
  const markdown = useMemo(() => toSop(flow, catalog, locale), [flow, catalog, locale]);
  // The Markdown reader is loaded when the dialog first opens, not with the designer.
  const [lexer, setLexer] = useState<((md: string) => Token[]) | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import('marked').then(
      (m) => live && setLexer(() => (md: string) => m.lexer(md)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  const body = useMemo(() => (lexer ? blocks(lexer(markdown)) : undefined), [lexer, markdown]);
  const save = () => {
    const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${flow.id}.v${flow.version}.sop.${locale}.md`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Dialog title={t('sop.title', { name: text(flow.name) || flow.id })} onClose={onClose} wide>
      <div className="cfd-sop-actions">
        <button type="button" className="cfd-btn" onClick={save} data-testid="sop-download">
          <Icon name="download" size={13} /> {t('sop.download')}
        </button>
      </div>
      <article className="cfd-sop" data-testid="sop" lang={locale} aria-busy={!body && !failed}>
        {body ?? (failed ? <pre>{markdown}</pre> : <p className="cfd-muted">{t('sop.loading')}</p>)}
      </article>
    </Dialog>
  );
}
