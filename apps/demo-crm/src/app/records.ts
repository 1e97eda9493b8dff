/**
 * Names of records for lists and references: a customer by its name, an
 * order by its number and customer. Read once per revision.
 */
import type { CrmRecord } from '../db/crm-db';
import { useQuery } from './context';

export interface RecordIndex {
  get(entity: string, id: unknown): CrmRecord | undefined;
  /** "Hangzhou Lianxin Electronics", "SO-1004", or the id. */
  label(entity: string, id: unknown): string;
  all(entity: string): CrmRecord[];
}

const NAMED = ['customer', 'contact', 'lead', 'opportunity', 'quote', 'order', 'payment', 'complaint', 'credit-request', 'expense-estimate'];

export function labelOf(entity: string, r: CrmRecord | undefined, id: unknown): string {
  if (!r) return typeof id === 'string' ? id : '';
  if (entity === 'customer' || entity === 'contact' || entity === 'opportunity') return typeof r.name === 'string' && r.name ? r.name : `${r.id} · …`;
  if (entity === 'lead') return typeof r.company === 'string' ? r.company : r.id;
  return r.id;
}

export function useRecordIndex(): RecordIndex | undefined {
  return useQuery(async ({ rt }) => {
    const maps = new Map<string, Map<string, CrmRecord>>();
    for (const e of NAMED) {
      const rows = await rt.db.records(e).toArray();
      maps.set(e, new Map(rows.map((r) => [r.id, r])));
    }
    const index: RecordIndex = {
      get: (entity, id) => (typeof id === 'string' ? maps.get(entity)?.get(id) : undefined),
      label: (entity, id) => labelOf(entity, typeof id === 'string' ? maps.get(entity)?.get(id) : undefined, id),
      all: (entity) => [...(maps.get(entity)?.values() ?? [])],
    };
    return index;
  }, []);
}
