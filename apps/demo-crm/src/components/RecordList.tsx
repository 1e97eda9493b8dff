/**
 * Pieces every record list page repeats: the "+ new" header action, the
 * refusal banner, the clickable row with its link, and the detail panel
 * (fields beside the record's cases). Kept DOM-identical to the pages they
 * replaced because the e2e tests select on it.
 */
import type { ReactNode } from 'react';
import type { CrmRecord } from '../db/crm-db';
import type { RecordIndex } from '../app/records';
import { href, navigate } from '../app/router';
import { useI18n } from '../i18n';
import { RecordCases } from './RecordCases';
import { RecordFields } from './RecordFields';

/** The page header's primary "+ new" button. */
export function NewAction({ label, busy, onClick }: { label: ReactNode; busy: boolean; onClick: () => void }) {
  return (
    <button type="button" className="primary" disabled={busy} onClick={onClick}>
      + {label}
    </button>
  );
}

/** Why a start was refused, as an alert; nothing when there is no error. */
export function RefusalBanner({ error }: { error: ReactNode }) {
  if (!error) return null;
  return (
    <div className="banner refusal" role="alert">
      {error}
    </div>
  );
}

/**
 * A table row that opens the record's page; its first cell links there too
 * (the link stops the click so the row does not navigate twice).
 */
export function RecordRow({
  page,
  id,
  selected,
  label,
  sub,
  testId,
  children,
}: {
  page: string;
  id: string;
  selected: string | undefined;
  /** The link's text; the record id when absent. */
  label?: ReactNode;
  /** A line under the link, e.g. the id under a name. */
  sub?: ReactNode;
  testId?: string;
  /** The remaining cells. */
  children: ReactNode;
}) {
  return (
    <tr className={`clickable${id === selected ? ' selected' : ''}`} onClick={() => navigate(page, id)} data-testid={testId}>
      <td>
        <a href={href(page, id)} onClick={(e) => e.stopPropagation()}>
          {label ?? id}
        </a>
        {sub}
      </td>
      {children}
    </tr>
  );
}

/** A detail title for a record that belongs to a customer: "Quote Q-1 · Acme". */
export function CustomerRecordTitle({ kind, record, index }: { kind: ReactNode; record: CrmRecord; index: RecordIndex | undefined }) {
  return (
    <>
      {kind} {record.id} · {index?.label('customer', record.customer)}
    </>
  );
}

/**
 * A record's detail panel: title and header extras, then its fields (with
 * anything added below them) beside its cases.
 */
export function RecordDetail({
  entity,
  record,
  index,
  title,
  head,
  before,
  omit,
  testId,
  children,
}: {
  entity: string;
  record: CrmRecord;
  index: RecordIndex | undefined;
  title: ReactNode;
  /** Shown in the header after the title (status chip, actions). */
  head?: ReactNode;
  /** Shown between the header and the grid (banners). */
  before?: ReactNode;
  omit?: string[];
  testId?: string;
  /** Shown under the fields, in the same column. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const fields = <RecordFields entityId={entity} record={record} index={index} omit={omit} />;
  return (
    <section className="panel detail" data-testid={testId}>
      <header className="detail-head">
        <h2>{title}</h2>
        {head}
      </header>
      {before}
      <div className="detail-grid">
        {children ? (
          <div>
            {fields}
            {children}
          </div>
        ) : (
          fields
        )}
        <div>
          <h3>{t('cases.title')}</h3>
          <RecordCases entity={entity} recordId={record.id} />
        </div>
      </div>
    </section>
  );
}
