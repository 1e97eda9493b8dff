/** All fields of a record, read-only, in catalog order. */
import type { CrmRecord } from '../db/crm-db';
import type { RecordIndex } from '../app/records';
import { useI18n } from '../i18n';
import { entity } from '../windows/catalog-lookup';
import { LinesTable, useFormatValue } from '../windows/FieldValue';

export function RecordFields({ entityId, record, index, omit = [] }: { entityId: string; record: CrmRecord; index: RecordIndex | undefined; omit?: string[] }) {
  const { lt } = useI18n();
  const format = useFormatValue();
  const fields = entity(entityId)?.fields.filter((f) => !omit.includes(f.id)) ?? [];
  const lists = fields.filter((f) => f.type === 'list');
  return (
    <>
      <dl className="record-fields">
        {fields
          .filter((f) => f.type !== 'list' && record[f.id] !== undefined && record[f.id] !== null && record[f.id] !== '')
          .map((f) => (
            <div key={f.id}>
              <dt>{lt(f.name)}</dt>
              <dd>{format(f, record[f.id], index)}</dd>
            </div>
          ))}
      </dl>
      {lists.map((f) => (
        <div key={f.id} className="record-lines">
          <h4>{lt(f.name)}</h4>
          <LinesTable lines={record[f.id]} />
        </div>
      ))}
    </>
  );
}
