/**
 * The change-control service: drafts, submissions, reviews, publications
 * (now or scheduled), rollbacks and retirements of flow versions, each
 * recorded in the store's change log and each refused with an
 * {@link EngineError} when the actor or the stage does not allow it.
 */
import { validate } from '../analysis/linter.js';
import type { FlowRegistry, LintConfig } from '../analysis/types.js';
import { invalidFlowError } from '../engine/definitions.js';
import { rolesArg } from '../engine/names.js';
import type { TextArg } from '../engine/texts/types.js';
import type { Actor, ActorRef, Clock, DefinitionInfo, Engine } from '../engine/types.js';
import type { Catalog } from '../schema/catalog.js';
import type { Flow } from '../schema/flow.js';
import { parseFlow } from '../schema/parse-flow.js';
import type { FlowStore } from '../stores/types.js';
import type { ChangeEvent, ChangeNote, ChangeStage, VersionRecord } from './types.js';
import { compareFlows, type FlowComparison } from '../compare/compare.js';
import { testScenarios } from '../analysis/simulate/coverage.js';
import type { Scenario } from '../analysis/simulate/types.js';
import { changeRefusal, withChangeTexts } from './texts.js';
import { checkActor } from '../engine/actor-check.js';
import { MAX_REASON, storableText } from '../engine/data.js';
import { isEngineError, storeFailed, type EngineError } from '../engine/errors.js';
import { formatEngineText } from '../engine/texts/format.js';
import { dryRunMove, proposeNodeMap, reasonOf, runningCases, type CaseMove } from './migration.js';
import { lintDelta, roleChanges, type LintDelta, type RoleChange } from './review.js';

/** How the cases of older versions stand against a new version. */
export interface CaseImpact {
  /** Running cases of other versions. */
  total: number;
  /** How many stand at each step, by version. */
  byStep: Array<{ version: number; nodeId: string; count: number }>;
  canMove: number;
  cannotMove: number;
  /** Case by case (the dry run). */
  cases: CaseMove[];
}

/**
 * Everything a reviewer needs to decide on a version, computed by the
 * runtime: the change in words, the lint delta, what changes for each role,
 * the saved scenarios run on the new version, and the impact on running
 * cases of older versions.
 */
export interface ReviewPack {
  flowId: string;
  version: number;
  /** The version compared against (the newest published one before it), if any. */
  baseVersion?: number;
  stage: ChangeStage;
  note?: ChangeNote;
  authors: ActorRef[];
  /** The change in words, in each language (absent when there is no earlier version). */
  changes?: { en: FlowComparison; zh: FlowComparison };
  lint: LintDelta;
  roles: RoleChange[];
  /** The flow's saved scenarios on the new version (when given). */
  scenarios?: {
    passed: number;
    failed: number;
    results: Array<{ scenario: string; ok: boolean; failures: string[]; path: string[] }>;
    /** Paths from start to an end walked by the scenarios. */
    coverage: { covered: number; total: number };
  };
  impact: CaseImpact;
}

/** A migration plan: the node mapping per old version (proposed, or as edited) and what would happen to each case. */
export interface MigrationPlan {
  flowId: string;
  toVersion: number;
  nodeMaps: Record<number, Record<string, string>>;
  cases: CaseMove[];
}

/** Options of {@link createChangeControl}. */
export interface ChangeControlOptions {
  /** The engine that deploys and retires (its store must be `store`). */
  engine: Engine;
  /** The store holding the change log (the engine's store). */
  store: FlowStore;
  /** The catalog the flows are checked against. */
  catalog?: Catalog;
  /** The clock (default `Date.now`); use the engine's clock. */
  clock?: Clock;
  /** Roles that approve, send back, publish, retire and roll back. Default `['admin']` (use the engine's `adminRoles`). */
  adminRoles?: readonly string[];
  /** Roles that draft and submit changes, besides administrators. Default `['key-user']`. */
  authorRoles?: readonly string[];
  /** The lint configuration approvals are checked with (errors block approval). */
  lint?: LintConfig;
}

/** Change control over one engine: see {@link createChangeControl}. */
export interface ChangeControl {
  /**
   * Records a draft of a version (a new version number, or a revision of a
   * draft or a version sent back). Key users and administrators draft. The
   * definition is validated (INVALID_FLOW); a published version number is
   * refused (CHANGE_STAGE).
   */
  draft(flow: Flow | unknown, options: { actor: Actor }): Promise<VersionRecord>;
  /** Submits a draft (or a revised version sent back) for review, with a change note in English and Chinese. */
  submit(flowId: string, version: number, options: { actor: Actor; note: ChangeNote }): Promise<VersionRecord>;
  /**
   * Approves a submitted version. Administrators only (NOT_PERMITTED); never
   * an author of the version, even an administrator (SAME_ACTOR); refused
   * while the linter finds errors in it (LINT_ERRORS).
   */
  approve(flowId: string, version: number, options: { actor: Actor; note?: ChangeNote }): Promise<VersionRecord>;
  /** Sends a submitted version back to its authors with a reason. Administrators only. */
  sendBack(flowId: string, version: number, options: { actor: Actor; reason: string }): Promise<VersionRecord>;
  /**
   * Publishes an approved version: deploys it now, or at `at` (a later time;
   * {@link ChangeControl.tick} deploys it then). Administrators only.
   */
  publish(flowId: string, version: number, options: { actor: Actor; at?: number }): Promise<VersionRecord>;
  /** Publishes the scheduled versions that are due; returns what it published. */
  tick(): Promise<VersionRecord[]>;
  /**
   * Rolls back: republishes a published (or retired) version's definition as
   * a new version, the newest, recorded as a republication of it with the
   * reason. Administrators only.
   */
  republish(flowId: string, version: number, options: { actor: Actor; reason: string }): Promise<VersionRecord>;
  /** Retires a published version (no new cases start on it), with a reason. Administrators only. */
  retire(flowId: string, version: number, options: { actor: Actor; reason: string }): Promise<VersionRecord>;
  /** Every version of a flow (drafts, those under review, published, retired) with its record, by version. */
  versions(flowId: string): Promise<VersionRecord[]>;
  /** One version's record; UNKNOWN_FLOW when there is none. */
  version(flowId: string, version: number): Promise<VersionRecord>;
  /** The flow's change log, in order. */
  history(flowId: string): Promise<ChangeEvent[]>;
  /**
   * The review pack of a version (see {@link ReviewPack}); `scenarios` are
   * the flow's saved scenarios (examples/flows/scenarios format). The
   * running-case impact is a dry run in the name of `actor` (an administrator).
   */
  reviewPack(flowId: string, version: number, options: { actor: Actor; scenarios?: readonly Scenario[] }): Promise<ReviewPack>;
  /**
   * Dry run of moving running cases of older versions to a published
   * version: case by case, where it stands, where it would stand, or why it
   * cannot move. `nodeMaps` (by old version) replace the proposed mappings;
   * `instanceIds` limits the cases. Nothing is written.
   */
  planMigration(flowId: string, toVersion: number, options: { actor: Actor; nodeMaps?: Record<number, Record<string, string>>; instanceIds?: readonly string[] }): Promise<MigrationPlan>;
  /**
   * Moves the chosen cases, one recorded command per case (`instance.migrated`
   * in the case's log, `migrated` in the change log). A case that cannot move
   * stays on its version; its entry says why. Administrators only.
   */
  migrateCases(flowId: string, toVersion: number, options: { actor: Actor; instanceIds: readonly string[]; nodeMaps?: Record<number, Record<string, string>> }): Promise<CaseMove[]>;
}

/** A decision on the current log: the event to append, and work to do first (a deployment). */
interface Step {
  event: Omit<ChangeEvent, 'seq' | 'flowId'>;
  before?: () => Promise<void>;
}

/**
 * Creates the change control of an engine.
 *
 * @example
 * const changes = createChangeControl({ engine, store, catalog });
 * await changes.draft(complaintV2, { actor: keyUser });
 * await changes.submit('complaint', 2, { actor: keyUser, note: { en: 'SLA 24 h → 8 h', zh: '时限由 24 小时改为 8 小时' } });
 * await changes.approve('complaint', 2, { actor: admin });
 * await changes.publish('complaint', 2, { actor: admin });
 */
export function createChangeControl(options: ChangeControlOptions): ChangeControl {
  const { engine, store, catalog } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const adminRoles = options.adminRoles ?? ['admin'];
  const authorRoles = options.authorRoles ?? ['key-user'];
  const names = catalog ? { catalog } : undefined;

  const isAdmin = (a: Actor) => a.roles.some((r) => adminRoles.includes(r));
  const ref = (a: Actor): ActorRef => ({ id: a.id, roles: [...a.roles], ...(a.name ? { name: a.name } : {}), ...(a.system ? { system: true } : {}) });
  const who = (a: Actor) => a.name ?? a.id;

  function requireAdmin(actor: Actor | undefined, what: string): asserts actor is Actor {
    // An actor built wrong (roles as one text, a NUL in its name) is refused naming what is wrong, as by the engine.
    checkActor(actor);
    const args = { roles: rolesArg(names, adminRoles), what: { kind: 'msg' as const, key: `admin.${what}` } };
    if (!actor) throw changeRefusal('NOT_PERMITTED', 'NOT_PERMITTED.adminNoActor', args, { roles: [...adminRoles] });
    if (!isAdmin(actor)) throw changeRefusal('NOT_PERMITTED', 'NOT_PERMITTED.admin', { ...args, actor: who(actor) }, { roles: [...adminRoles] });
  }

  function requireAuthor(actor: Actor | undefined): asserts actor is Actor {
    checkActor(actor);
    const roles = [...authorRoles, ...adminRoles];
    const args = { roles: rolesArg(names, roles) };
    if (!actor) throw changeRefusal('NOT_PERMITTED', 'NOT_PERMITTED.changeNoActor', args, { roles });
    if (!actor.roles.some((r) => roles.includes(r))) throw changeRefusal('NOT_PERMITTED', 'NOT_PERMITTED.change', { ...args, actor: who(actor) }, { roles });
  }

  const stageArg = (stage: ChangeStage | undefined): TextArg => ({ kind: 'msg', key: `change.stage.${stage ?? 'none'}` });

  function wrongStage(flowId: string, version: number, stage: ChangeStage | undefined, what: string) {
    return changeRefusal('CHANGE_STAGE', 'CHANGE_STAGE.stage', { flowId, version, stage: stageArg(stage), what: { kind: 'msg', key: `change.what.${what}` } });
  }

  /** A note or reason given as text, trimmed; one holding text no store keeps (a NUL, half a surrogate pair) or longer than a reason may be is refused before the store. */
  const text = (s: unknown, field = 'reason') => {
    const t = typeof s === 'string' ? s.trim() : '';
    if (!storableText(t)) throw changeRefusal('INVALID_VALUE', 'INVALID_VALUE.stored', { field, why: { kind: 'msg', key: 'data.badText' } });
    if (t.length > MAX_REASON) throw changeRefusal('INVALID_VALUE', 'INVALID_VALUE.stored', { field, why: { kind: 'msg', key: 'data.tooLong', args: { max: MAX_REASON } } });
    return t;
  };

  /** Calls the store: its failures are STORE_FAILED, never the database's own error. */
  async function db<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      throw storeFailed(e);
    }
  }

  /** The change log of a flow id; an id that is not text every store keeps names no flow: an empty log on every store. */
  const changesOf = (flowId: unknown): Promise<ChangeEvent[]> => (typeof flowId === 'string' && storableText(flowId) ? db(() => store.changes({ flowId })) : Promise.resolve([]));

  async function deployed(flowId: string): Promise<DefinitionInfo[]> {
    return engine.definitions(flowId);
  }

  /**
   * The flows a version's sub-flow steps call (and the ones those call), as
   * deployed, every version, with `flow` itself among its own: what lint,
   * the approval check and the saved scenarios need to run sub-flows. The
   * host's `lint.flows` wins when it gives one.
   */
  async function registryFor(flow: Flow): Promise<FlowRegistry> {
    if (options.lint?.flows) return options.lint.flows;
    const out = new Map<string, Flow[]>([[flow.id, [flow]]]);
    const queue = [flow];
    const asked = new Set<string>([flow.id]);
    const deployedIds = new Set((await engine.definitions()).map((d) => d.flowId));
    while (queue.length > 0) {
      const f = queue.pop()!;
      for (const n of f.nodes) {
        if (n.kind !== 'subflow' || asked.has(n.flow)) continue;
        asked.add(n.flow);
        if (!deployedIds.has(n.flow)) continue;
        const versions: Flow[] = [];
        for (const d of await engine.definitions(n.flow)) versions.push(await engine.definition(n.flow, d.version));
        out.set(n.flow, versions);
        queue.push(...versions);
      }
    }
    const own = (await engine.definitions(flow.id)).filter((d) => d.version !== flow.version);
    for (const d of own) out.get(flow.id)!.push(await engine.definition(flow.id, d.version));
    return out;
  }

  /** Builds the version records of a flow from its log and its deployed definitions. */
  function records(flowId: string, log: readonly ChangeEvent[], defs: readonly DefinitionInfo[]): VersionRecord[] {
    const byVersion = new Map<number, VersionRecord>();
    const rec = (version: number): VersionRecord => {
      let r = byVersion.get(version);
      if (!r) {
        r = { flowId, version, stage: 'draft', authors: [], sentBack: [], migrations: [], events: [] };
        byVersion.set(version, r);
      }
      return r;
    };
    for (const e of log) {
      const r = rec(e.version);
      r.events.push(e);
      const d = { at: e.at, by: e.by, ...(e.reason ? { reason: e.reason } : {}), ...(e.note ? { note: e.note } : {}) };
      switch (e.type) {
        case 'drafted':
          r.stage = 'draft';
          if (e.flow) r.name = e.flow.name;
          if (!r.authors.some((a) => a.id === e.by.id)) r.authors.push(e.by);
          delete r.submitted;
          delete r.approved;
          break;
        case 'submitted':
          r.stage = 'submitted';
          r.submitted = d;
          if (e.note) r.note = e.note;
          if (!r.authors.some((a) => a.id === e.by.id)) r.authors.push(e.by);
          break;
        case 'approved':
          r.stage = 'approved';
          r.approved = d;
          break;
        case 'sent-back':
          r.stage = 'sent-back';
          r.sentBack.push(d);
          break;
        case 'scheduled':
          r.stage = 'scheduled';
          r.scheduled = { ...d, publishAt: e.publishAt ?? e.at };
          break;
        case 'published':
          r.stage = 'published';
          r.published = { ...d, ...(e.scheduledFor !== undefined ? { scheduledFor: e.scheduledFor } : {}) };
          if (e.republishOf !== undefined) r.republishOf = e.republishOf;
          if (e.flow) r.name = e.flow.name;
          break;
        case 'retired':
          r.stage = 'retired';
          r.retired = d;
          break;
        case 'migrated':
          if (e.migration) r.migrations.push({ ...e.migration, at: e.at, by: e.by });
          break;
      }
    }
    for (const def of defs) {
      const r = byVersion.get(def.version);
      if (!r) {
        // Deployed outside change control (seeded, or by engine.deploy directly): published, without a review.
        byVersion.set(def.version, {
          flowId,
          version: def.version,
          name: def.name,
          stage: def.retired ? 'retired' : 'published',
          authors: [],
          sentBack: [],
          migrations: [],
          events: [],
          unrecorded: true,
          published: { at: def.deployedAt, by: { id: 'unknown', roles: [] } },
          ...(def.retired ? { retired: { at: def.retired.at, by: { id: def.retired.by.id, roles: [], ...(def.retired.by.name ? { name: def.retired.by.name } : {}) }, reason: def.retired.reason } } : {}),
        });
      } else {
        r.name ??= def.name;
        if (def.retired && r.stage !== 'retired') {
          r.stage = 'retired';
          r.retired = { at: def.retired.at, by: { id: def.retired.by.id, roles: [], ...(def.retired.by.name ? { name: def.retired.by.name } : {}) }, reason: def.retired.reason };
        }
      }
    }
    return [...byVersion.values()].sort((a, b) => a.version - b.version);
  }

  async function load(flowId: string): Promise<{ log: ChangeEvent[]; versions: VersionRecord[] }> {
    const [log, defs] = await Promise.all([changesOf(flowId), deployed(flowId)]);
    return { log, versions: records(flowId, log, defs) };
  }

  /**
   * Decides on the current log and appends the event; a concurrent recorder
   * makes it decide again on the new log.
   */
  async function command(flowId: string, decide: (versions: VersionRecord[], log: ChangeEvent[]) => Step | Promise<Step>): Promise<ChangeEvent> {
    for (let attempt = 0; ; attempt++) {
      const { log, versions } = await load(flowId);
      const step = await decide(versions, log);
      if (step.before) await step.before();
      const event: ChangeEvent = { flowId, seq: (log.at(-1)?.seq ?? 0) + 1, ...step.event };
      const res = await db(() => store.appendChange({ event }));
      if (res.ok) return event;
      if (attempt >= 5) throw changeRefusal('VERSION_CONFLICT', 'VERSION_CONFLICT.changed');
    }
  }

  const find = (versions: VersionRecord[], version: number) => versions.find((v) => v.version === version);

  async function record(flowId: string, version: number): Promise<VersionRecord> {
    const r = find((await load(flowId)).versions, version);
    if (!r) throw changeRefusal('UNKNOWN_FLOW', 'UNKNOWN_FLOW.version', { flowId, version });
    return r;
  }

  function checkNote(note: unknown): ChangeNote {
    const n = note && typeof note === 'object' ? (note as Record<string, unknown>) : {};
    const en = text(n.en, 'note.en');
    const zh = text(n.zh, 'note.zh');
    if (!en || !zh) throw changeRefusal('INVALID_VALUE', 'INVALID_VALUE.changeNote', {});
    return { en, zh };
  }

  /** The latest definition drafted for a version. */
  const draftedFlow = (r: VersionRecord): Flow | undefined => [...r.events].reverse().find((e) => e.type === 'drafted' && e.flow)?.flow;

  async function publishNow(r: VersionRecord, actor: ActorRef, scheduledFor?: number): Promise<Step> {
    const flow = draftedFlow(r);
    if (!flow) throw changeRefusal('UNKNOWN_FLOW', 'UNKNOWN_FLOW.version', { flowId: r.flowId, version: r.version });
    return {
      before: async () => {
        await engine.deploy(flow, { actor });
      },
      event: { version: r.version, type: 'published', at: clock.now(), by: actor, ...(scheduledFor !== undefined ? { scheduledFor } : {}) },
    };
  }

  /** Sends a scheduled version back to its authors: the engine refused to publish it, for the reason `e` gives. */
  async function sendBackUnpublished(flowId: string, version: number, by: ActorRef, e: EngineError): Promise<void> {
    const why = (locale: 'en' | 'zh') => {
      const t = formatEngineText({ key: 'change.publishFailed', args: { why: e.details.text ? { kind: 'msg', ...e.details.text } : e.message } }, withChangeTexts({ locale, timeZone: 'UTC' }));
      return t.length > MAX_REASON ? `${t.slice(0, MAX_REASON - 1)}…` : t;
    };
    const note = { en: why('en'), zh: why('zh') };
    await command(flowId, (vs) => {
      const r = find(vs, version);
      if (!r || r.stage !== 'scheduled') throw wrongStage(flowId, version, r?.stage, 'sendBack');
      return { event: { version, type: 'sent-back', at: clock.now(), by, reason: note.en, note } };
    });
  }

  /**
   * The cases a migration names: a list of case ids, each once (a case named twice was moved, then reported
   * as failing to move "onto the version it already runs"); a text ('abc' read as the cases a, b, c), a
   * missing list (a TypeError) or ids that are not texts are refused naming what is expected.
   */
  function caseIds(ids: unknown, required: boolean): string[] | undefined {
    if (ids === undefined && !required) return undefined;
    if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) throw changeRefusal('INVALID_VALUE', 'INVALID_VALUE.instanceIds', {});
    return [...new Set(ids)];
  }

  const control: ChangeControl = {
    async draft(input, { actor }) {
      requireAuthor(actor);
      const parsed = parseFlow(input, catalog);
      if (!parsed.ok) throw invalidFlowError(parsed.problems);
      const flow = parsed.value;
      await command(flow.id, (versions) => {
        const r = find(versions, flow.version);
        if (r && r.stage !== 'draft' && r.stage !== 'sent-back') throw wrongStage(flow.id, flow.version, r.stage, 'draft');
        return { event: { version: flow.version, type: 'drafted', at: clock.now(), by: ref(actor), flow } };
      });
      return record(flow.id, flow.version);
    },

    async submit(flowId, version, opts) {
      const actor = opts?.actor;
      requireAuthor(actor);
      const note = checkNote(opts.note);
      await command(flowId, (versions) => {
        const r = find(versions, version);
        if (!r) throw changeRefusal('UNKNOWN_FLOW', 'UNKNOWN_FLOW.version', { flowId, version });
        if (r.stage !== 'draft' && r.stage !== 'sent-back') throw wrongStage(flowId, version, r.stage, 'submit');
        return { event: { version, type: 'submitted', at: clock.now(), by: ref(actor), note } };
      });
      return record(flowId, version);
    },

    async approve(flowId, version, opts) {
      const actor = opts?.actor;
      requireAdmin(actor, 'approve');
      const note = opts.note === undefined ? undefined : checkNote(opts.note);
      // The sub-flows the version calls, loaded before the command (which runs synchronously on the log).
      const current = find((await load(flowId)).versions, version);
      const pending = current ? draftedFlow(current) : undefined;
      const flows = pending ? await registryFor(pending) : undefined;
      const config: LintConfig = { ...(options.lint ?? {}), ...(flows ? { flows } : {}) };
      await command(flowId, (versions) => {
        const r = find(versions, version);
        if (!r) throw changeRefusal('UNKNOWN_FLOW', 'UNKNOWN_FLOW.version', { flowId, version });
        if (r.stage !== 'submitted') throw wrongStage(flowId, version, r.stage, 'approve');
        if (r.authors.some((a) => a.id === actor.id)) {
          throw changeRefusal('SAME_ACTOR', 'SAME_ACTOR.ownChange', { flowId, version, actor: who(actor) });
        }
        const flow = draftedFlow(r);
        if (flow) {
          const errors = validate(flow, catalog, config).diagnostics.filter((d) => d.severity === 'error');
          if (errors.length > 0) {
            const zh = validate(flow, catalog, { ...config, locale: 'zh' }).diagnostics.filter((d) => d.severity === 'error');
            const findings: TextArg = { kind: 'list', join: 'lines', items: errors.map((d, i) => ({ kind: 'text', en: d.message, zh: zh[i]?.message ?? d.message })) };
            throw changeRefusal('LINT_ERRORS', 'LINT_ERRORS.findings', { flowId, version, count: errors.length, findings }, { findings: errors.map((d, i) => ({ rule: d.rule, message: { en: d.message, zh: zh[i]?.message ?? d.message }, nodeIds: d.nodeIds, edgeIds: d.edgeIds })) });
          }
        }
        return { event: { version, type: 'approved', at: clock.now(), by: ref(actor), ...(note ? { note } : {}) } };
      });
      return record(flowId, version);
    },

    async sendBack(flowId, version, opts) {
      const actor = opts?.actor;
      requireAdmin(actor, 'sendBack');
      const reason = text(opts.reason);
      if (!reason) throw changeRefusal('INVALID_VALUE', 'INVALID_VALUE.sendBackReason', {});
      await command(flowId, (versions) => {
        const r = find(versions, version);
        if (!r) throw changeRefusal('UNKNOWN_FLOW', 'UNKNOWN_FLOW.version', { flowId, version });
        if (r.stage !== 'submitted' && r.stage !== 'approved' && r.stage !== 'scheduled') throw wrongStage(flowId, version, r.stage, 'sendBack');
        return { event: { version, type: 'sent-back', at: clock.now(), by: ref(actor), reason } };
      });
      return record(flowId, version);
    },

    async publish(flowId, version, opts) {
      const actor = opts?.actor;
      requireAdmin(actor, 'publish');
      const at = opts.at;
      // A moment a date can hold (±8.64e15 ms): later ones made every change log, review and history page throw.
      if (at !== undefined && !(typeof at === 'number' && Math.abs(at) <= 8.64e15)) throw changeRefusal('INVALID_VALUE', 'INVALID_VALUE.publishAt', {});
      await command(flowId, (versions) => {
        const r = find(versions, version);
        if (!r) throw changeRefusal('UNKNOWN_FLOW', 'UNKNOWN_FLOW.version', { flowId, version });
        if (r.stage !== 'approved' && r.stage !== 'scheduled') throw wrongStage(flowId, version, r.stage, 'publish');
        const now = clock.now();
        if (at !== undefined && at > now) return { event: { version, type: 'scheduled', at: now, by: ref(actor), publishAt: at } };
        return publishNow(r, ref(actor));
      });
      return record(flowId, version);
    },

    async tick() {
      const now = clock.now();
      // The store's index of standing scheduled publications: a tick costs what is due, not the change history.
      const due = (await db(() => store.scheduledChanges({ before: now }))).sort((a, b) => (a.flowId < b.flowId ? -1 : a.flowId > b.flowId ? 1 : a.version - b.version));
      const out: VersionRecord[] = [];
      let failed: unknown;
      for (const { flowId, version } of due) {
        let scheduledBy: ActorRef | undefined;
        try {
          await command(flowId, async (vs) => {
            const r = find(vs, version);
            // Checked again on the log: sent back, published or set for a later time since the index was read.
            if (!r || r.stage !== 'scheduled' || !r.scheduled || r.scheduled.publishAt > now) throw changeRefusal('CHANGE_STAGE', 'CHANGE_STAGE.stage', {});
            scheduledBy = r.scheduled.by;
            // Published in the name of the administrator who set the time.
            return publishNow(r, r.scheduled.by, r.scheduled.publishAt);
          });
        } catch (e) {
          // No longer scheduled (sent back or published meanwhile): nothing to do.
          if (!scheduledBy) continue;
          // A store that failed, or a log that kept changing: tried again on the next tick. Either way the
          // other due versions are still published: one version that cannot be published held every later one.
          if (!isEngineError(e) || e.code === 'STORE_FAILED' || e.code === 'VERSION_CONFLICT') {
            failed ??= e;
            continue;
          }
          // Refused by the engine (another definition deployed under that version meanwhile, a sub-flow retired,
          // a role gone): it cannot be published as approved, so it goes back to its authors saying why (en/zh),
          // in the name of the administrator who set the time, instead of failing on every tick.
          await sendBackUnpublished(flowId, version, scheduledBy, e).catch((x: unknown) => (failed ??= x));
          continue;
        }
        out.push(await record(flowId, version));
      }
      // What could not be tried is reported once the rest is done (the published ones are in the log).
      if (failed) throw failed;
      return out;
    },

    async republish(flowId, version, opts) {
      const actor = opts?.actor;
      requireAdmin(actor, 'republish');
      const reason = text(opts.reason);
      if (!reason) throw changeRefusal('INVALID_VALUE', 'INVALID_VALUE.republishReason', {});
      const event = await command(flowId, async (versions) => {
        const r = find(versions, version);
        if (!r) throw changeRefusal('UNKNOWN_FLOW', 'UNKNOWN_FLOW.version', { flowId, version });
        if (r.stage !== 'published' && r.stage !== 'retired') throw wrongStage(flowId, version, r.stage, 'republish');
        const old = await engine.definition(flowId, version);
        const next = Math.max(...versions.map((v) => v.version)) + 1;
        const flow = { ...old, version: next } as Flow;
        return {
          before: async () => {
            await engine.deploy(flow, { actor });
          },
          event: { version: next, type: 'published', at: clock.now(), by: ref(actor), reason, republishOf: version, flow },
        };
      });
      return record(flowId, event.version);
    },

    async retire(flowId, version, opts) {
      const actor = opts?.actor;
      requireAdmin(actor, 'retire');
      const reason = text(opts.reason);
      if (!reason) throw changeRefusal('INVALID_VALUE', 'INVALID_VALUE.retireReason', {});
      await command(flowId, (versions) => {
        const r = find(versions, version);
        if (!r) throw changeRefusal('UNKNOWN_FLOW', 'UNKNOWN_FLOW.version', { flowId, version });
        if (r.stage !== 'published') throw wrongStage(flowId, version, r.stage, 'retire');
        return {
          before: async () => {
            await engine.retire(flowId, version, { actor, reason });
          },
          event: { version, type: 'retired', at: clock.now(), by: ref(actor), reason },
        };
      });
      return record(flowId, version);
    },

    versions: async (flowId) => (await load(flowId)).versions,
    version: (flowId, version) => record(flowId, version),
    history: (flowId) => changesOf(flowId),

    async reviewPack(flowId, version, opts) {
      const r = await record(flowId, version);
      const target = draftedFlow(r) ?? (await engine.definition(flowId, version));
      const defs = await deployed(flowId);
      const older = defs.filter((d) => d.version < version && !d.retired).at(-1) ?? defs.filter((d) => d.version !== version).at(-1);
      const base = older ? await engine.definition(flowId, older.version) : undefined;
      const changes = base ? { en: compareFlows(base, target, { ...(catalog ? { catalog } : {}), locale: 'en' }), zh: compareFlows(base, target, { ...(catalog ? { catalog } : {}), locale: 'zh' }) } : undefined;
      // Sub-flows as deployed, so scenarios run through them and lint checks the calls.
      const flows = await registryFor(target);
      let scenarios: ReviewPack['scenarios'];
      if (opts.scenarios && opts.scenarios.length > 0) {
        const report = await testScenarios(target, opts.scenarios, { ...(catalog ? { catalog } : {}), flows });
        scenarios = {
          passed: report.passed,
          failed: report.failed,
          results: report.results.map((x) => ({ scenario: x.scenario, ok: x.ok, failures: x.failures, path: x.path })),
          coverage: { covered: report.coverage.paths.covered, total: report.coverage.paths.total },
        };
      }
      const plan = await plan_(flowId, target, { actor: opts.actor });
      const counts = new Map<string, { version: number; nodeId: string; count: number }>();
      for (const c of plan.cases) {
        for (const nodeId of new Set(c.at)) {
          const k = `${c.fromVersion}|${nodeId}`;
          const hit = counts.get(k) ?? { version: c.fromVersion, nodeId, count: 0 };
          hit.count++;
          counts.set(k, hit);
        }
      }
      return {
        flowId,
        version,
        ...(older ? { baseVersion: older.version } : {}),
        stage: r.stage,
        ...(r.note ? { note: r.note } : {}),
        authors: r.authors,
        ...(changes ? { changes } : {}),
        lint: lintDelta(base, target, catalog, { ...(options.lint ?? {}), flows }),
        roles: changes ? roleChanges(changes.en, changes.zh) : [],
        ...(scenarios ? { scenarios } : {}),
        impact: {
          total: plan.cases.length,
          byStep: [...counts.values()].sort((a, b) => a.version - b.version || (a.nodeId < b.nodeId ? -1 : 1)),
          canMove: plan.cases.filter((c) => c.ok).length,
          cannotMove: plan.cases.filter((c) => !c.ok).length,
          cases: plan.cases,
        },
      };
    },

    async planMigration(flowId, toVersion, opts) {
      requireAdmin(opts?.actor, 'migrate');
      const instanceIds = caseIds(opts.instanceIds, false);
      const target = await engine.definition(flowId, toVersion);
      return plan_(flowId, target, { ...opts, instanceIds });
    },

    async migrateCases(flowId, toVersion, opts) {
      const actor = opts?.actor;
      requireAdmin(actor, 'migrate');
      const ids = caseIds(opts.instanceIds, true)!;
      const target = await engine.definition(flowId, toVersion);
      const wanted = new Set(ids);
      const cases = (await runningCases(store, flowId, toVersion)).filter((c) => wanted.has(c.instanceId));
      const out: CaseMove[] = [];
      for (const id of ids) {
        const summary = cases.find((c) => c.instanceId === id);
        if (!summary) {
          const why = changeRefusal('UNKNOWN_INSTANCE', 'UNKNOWN_INSTANCE.id', { instanceId: id }, { instanceId: id });
          out.push({ instanceId: id, fromVersion: 0, toVersion, at: [], to: [], ok: false, nodeMap: {}, ...reasonOf(why, catalog) });
          continue;
        }
        const nodeMap = opts.nodeMaps?.[summary.version] ?? proposeNodeMap(await engine.definition(flowId, summary.version), target);
        const base = { instanceId: id, fromVersion: summary.version, toVersion, at: summary.at, nodeMap };
        try {
          const res = await engine.migrate(id, toVersion, nodeMap, { actor });
          const moved = res.events.find((e) => e.type === 'instance.migrated');
          const applied = moved && moved.type === 'instance.migrated' ? moved.nodeMap : nodeMap;
          await command(flowId, () => ({ event: { version: toVersion, type: 'migrated', at: clock.now(), by: ref(actor), migration: { instanceId: id, fromVersion: summary.version, toVersion, nodeMap: applied } } }));
          out.push({ ...base, to: Object.values(res.instance.tokens).map((t) => t.nodeId), ok: true });
        } catch (e) {
          out.push({ ...base, to: [], ok: false, ...reasonOf(e, catalog) });
        }
      }
      return out;
    },
  };

  async function plan_(flowId: string, target: Flow, opts: { actor: Actor; nodeMaps?: Record<number, Record<string, string>>; instanceIds?: readonly string[] }): Promise<MigrationPlan> {
    let cases = await runningCases(store, flowId, target.version);
    if (opts.instanceIds) {
      const wanted = new Set(opts.instanceIds);
      cases = cases.filter((c) => wanted.has(c.instanceId));
    }
    const nodeMaps: Record<number, Record<string, string>> = {};
    const flows = new Map<number, Flow>();
    for (const c of cases) {
      if (!flows.has(c.version)) flows.set(c.version, await engine.definition(flowId, c.version));
      nodeMaps[c.version] ??= opts.nodeMaps?.[c.version] ?? proposeNodeMap(flows.get(c.version)!, target);
    }
    const now = clock.now();
    const out: CaseMove[] = [];
    for (const c of cases) out.push(await dryRunMove(store, c, flows.get(c.version)!, target, nodeMaps[c.version]!, opts.actor, { ...(catalog ? { catalog } : {}), adminRoles, now }));
    return { flowId, toVersion: target.version, nodeMaps, cases: out };
  }
  return control;
}
