/**
 * The CRM's own records in IndexedDB (Dexie): one table per catalog entity,
 * plus the links between records and flow instances, flow drafts and a few
 * settings. The runtime keeps its event logs in its own store.
 */
import { Dexie, type Table } from 'dexie';
import type { Catalog, Flow } from '@crm/flow-runtime';

/** A CRM record: an id and the entity's fields. */
export interface CrmRecord {
  id: string;
  createdAt?: number;
  updatedAt?: number;
  [field: string]: unknown;
}

/** The entities the demo stores (the catalog's). */
export const ENTITIES = [
  'customer',
  'contact',
  'lead',
  'opportunity',
  'quote',
  'order',
  'payment',
  'complaint',
  'expense-estimate',
  'credit-request',
] as const;
export type EntityId = (typeof ENTITIES)[number];

/** A record taking part in a flow instance. */
export interface RecordLink {
  key: string; // `${instanceId}|${variable}|${recordId}` (linkKey in runtime/sync)
  instanceId: string;
  flowId: string;
  version: number;
  variable: string;
  entity: string;
  recordId: string;
  startedAt: number;
  /** The flow made this record (a payment, an estimate), rather than being started with it. */
  made?: boolean;
}

/** A flow being edited on the flows page, not yet published. */
export interface FlowDraft {
  flowId: string;
  flow: Flow;
  /** The published version the draft started from. */
  baseVersion: number;
  /** The catalog as an admin edited it with this draft; published with it. */
  catalog?: Catalog;
  /** Simulation runs saved as scenarios with this draft (examples/flows/scenarios format). */
  scenarios?: unknown[];
  updatedAt: number;
  updatedBy: string;
  /** Everyone who made or edited the draft (user ids, first first): each is an author of the change. */
  editors?: string[];
  /** When the draft was made (new, from a version, or imported): a new one re-opens the designer. */
  createdAt?: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** IndexedDB table name of an entity (`expense-estimate` → `expenseEstimate`). */
export function tableName(entity: string): string {
  return entity.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export class CrmDb extends Dexie {
  links!: Table<RecordLink, string>;
  drafts!: Table<FlowDraft, string>;
  meta!: Table<MetaRow, string>;

  constructor(name: string) {
    super(name);
    const stores: Record<string, string> = {
      links: 'key, instanceId, [entity+recordId], flowId',
      drafts: 'flowId',
      meta: 'key',
    };
    for (const e of ENTITIES) stores[tableName(e)] = 'id, status, customer, updatedAt';
    this.version(1).stores(stores);
  }

  /** The table of an entity's records. */
  records(entity: string): Table<CrmRecord, string> {
    return this.table(tableName(entity));
  }

  /** Every table holding demo data (for reset). */
  allTables(): Table[] {
    return this.tables;
  }
}

/** The CRM database name; the runtime's store lives in `${name}-flows`. */
export const CRM_DB_NAME = 'crm-flow-demo';
