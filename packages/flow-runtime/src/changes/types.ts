/**
 * Change control: the recorded life of a flow version, from draft to
 * retirement. Every transition is a {@link ChangeEvent} in the store's
 * per-flow change log, with who, when and why.
 */
import type { Flow } from '../schema/flow.js';
import type { ActorRef } from '../engine/types/actors.js';

/** A note in English and Chinese (a change note, a reviewer's comment). */
export interface ChangeNote {
  en: string;
  zh: string;
}

/** What a change-log event records. */
export type ChangeEventType = 'drafted' | 'submitted' | 'approved' | 'sent-back' | 'scheduled' | 'published' | 'retired' | 'migrated';

/** One case moved (or left) by a recorded migration. */
export interface ChangeMigration {
  instanceId: string;
  fromVersion: number;
  toVersion: number;
  /** Old node id → new node id, as applied. */
  nodeMap: Record<string, string>;
}

/**
 * One transition in a flow's change log. `seq` numbers the flow's events
 * 1, 2, 3… without gaps; `version` is the flow version concerned.
 */
export interface ChangeEvent {
  flowId: string;
  seq: number;
  version: number;
  type: ChangeEventType;
  /** When it happened (ms since the epoch, the engine clock). */
  at: number;
  /** Who did it. */
  by: ActorRef;
  /** The definition drafted (`drafted` only). */
  flow?: Flow;
  /** The change note (`submitted`), or the reviewer's comment (`approved`). */
  note?: ChangeNote;
  /** Why (`sent-back`, `retired`, a rollback's `published`). */
  reason?: string;
  /** When a scheduled publication takes effect (`scheduled`). */
  publishAt?: number;
  /** Set on `published` when the publication was scheduled: the time it was set for. */
  scheduledFor?: number;
  /** Set on `published` when it republishes an earlier version's definition (a rollback). */
  republishOf?: number;
  /** The case moved (`migrated`). */
  migration?: ChangeMigration;
}

/** Where a version stands. */
export type ChangeStage = 'draft' | 'submitted' | 'sent-back' | 'approved' | 'scheduled' | 'published' | 'retired';

/** A decision with who, when and why, as shown in a version's record. */
export interface ChangeDecision {
  at: number;
  by: ActorRef;
  reason?: string;
  note?: ChangeNote;
}

/** One version of a flow with its change history: what the list of versions shows. */
export interface VersionRecord {
  flowId: string;
  version: number;
  /** The flow's name in this version, when known. */
  name?: Flow['name'];
  stage: ChangeStage;
  /** Everyone who drafted or revised this version (they may not approve it). */
  authors: ActorRef[];
  /** The latest change note. */
  note?: ChangeNote;
  submitted?: ChangeDecision;
  approved?: ChangeDecision;
  /** Each time it was sent back, with the reason. */
  sentBack: ChangeDecision[];
  /** A publication set for later. */
  scheduled?: ChangeDecision & { publishAt: number };
  published?: ChangeDecision & { scheduledFor?: number };
  /** The earlier version this one republishes (a rollback). */
  republishOf?: number;
  retired?: ChangeDecision;
  /** Cases moved onto this version. */
  migrations: Array<ChangeMigration & { at: number; by: ActorRef }>;
  /** True for a version deployed outside change control (no recorded review). */
  unrecorded?: boolean;
  /** This version's events, in order. */
  events: ChangeEvent[];
}
