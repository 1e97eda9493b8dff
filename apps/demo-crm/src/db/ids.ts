/**
 * Record ids the way a CRM numbers them: a prefix per entity and a running
 * number kept in the meta table.
 */
import type { CrmDb } from './crm-db';

export const ID_PREFIX: Record<string, string> = {
  customer: 'C',
  contact: 'CT',
  lead: 'L',
  opportunity: 'OP',
  quote: 'Q',
  order: 'SO',
  payment: 'PAY',
  complaint: 'CP',
  'expense-estimate': 'EE',
  'credit-request': 'CR',
};

/** Where each entity's numbering starts (seeded records use numbers below it). */
const FIRST_NUMBER = 1001;

/** Formats an id: `SO-1042`. */
export function formatId(entity: string, n: number): string {
  return `${ID_PREFIX[entity] ?? entity.toUpperCase()}-${n}`;
}

/**
 * The id of a record a flow makes, as the engine asks for it: the entity's
 * prefix and a random part (`PAY-3F9A2C`). The engine asks while it decides,
 * so there is no running number to wait for, and tabs cannot hand out the
 * same id twice.
 */
export function flowRecordId(entity: string): string {
  const part = globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase();
  return `${ID_PREFIX[entity] ?? entity.toUpperCase()}-${part}`;
}

/** Allocates the next id of an entity. */
export async function nextRecordId(db: CrmDb, entity: string): Promise<string> {
  const key = `seq:${entity}`;
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(key);
    const n = typeof row?.value === 'number' ? row.value : FIRST_NUMBER;
    await db.meta.put({ key, value: n + 1 });
    return formatId(entity, n);
  });
}

/** Moves an entity's numbering past the seeded ids. */
export async function reserveIds(db: CrmDb, entity: string, next: number): Promise<void> {
  await db.meta.put({ key: `seq:${entity}`, value: next });
}
