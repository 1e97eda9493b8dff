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

/** Which record names a case best (the first of these it is linked to). */
export const MAIN_RECORDS = ['order', 'complaint', 'quote', 'customer', 'lead', 'credit-request'];

/** "SO-1011 · Wuhan Changjiang Auto Parts", or a customer's or lead's name. */
export function recordTitle(record: { entity: string; id: string }, index: RecordIndex | undefined): string {
  if (!index) return record.id;
  if (record.entity === 'customer' || record.entity === 'lead' || record.entity === 'opportunity') return index.label(record.entity, record.id);
  const r = index.get(record.entity, record.id);
  const parts = [record.id];
  if (typeof r?.order === 'string' && record.entity !== 'order') parts.push(r.order);
  if (r?.customer) parts.push(index.label('customer', r.customer));
  return parts.join(' · ');
}

/** What a case is about, most telling first: a complaint or credit request over the order it concerns; a record the case was started with over one it made. */
const CASE_SUBJECTS = ['complaint', 'credit-request', 'order', 'quote', 'opportunity', 'lead', 'customer'];

/**
 * What each case is about, by its main record ("CP-0003 · Ningbo Haitong
 * Machinery"), for lists that name cases (review pack, dry run, change log)
 * instead of showing bare case ids; a case with no linked record is absent.
 */
export function useCaseSubjects(instanceIds: readonly string[]): Map<string, string> {
  const index = useRecordIndex();
  const key = [...new Set(instanceIds)].sort().join(',');
  const records = useQuery(async ({ rt }) => {
    const best = new Map<string, { entity: string; id: string }>();
    if (!key) return best;
    const links = await rt.db.links.where('instanceId').anyOf(key.split(',')).toArray();
    const rank = (l: (typeof links)[number]) => CASE_SUBJECTS.indexOf(l.entity) * 2 + (l.made ? 1 : 0);
    for (const l of links.filter((x) => CASE_SUBJECTS.includes(x.entity)).sort((a, b) => rank(a) - rank(b))) {
      if (!best.has(l.instanceId)) best.set(l.instanceId, { entity: l.entity, id: l.recordId });
    }
    return best;
  }, [key]);
  const titles = new Map<string, string>();
  for (const [id, record] of records ?? []) titles.set(id, recordTitle(record, index));
  return titles;
}
