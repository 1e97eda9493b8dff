/**
 * The working state of one pure transition: events are emitted one at a time
 * and folded immediately, so every later check sees the state the log will
 * replay to. Effects on other instances (start a child, tell a parent) are
 * collected as data for the facade.
 */
import { applyInPlace, ownedCopy } from './apply.js';
import type { CompiledFlow } from './compiled.js';
import type { ActorRef, FlowEvent, InstanceState, ParentLink, ProcessData } from './types.js';

/** Distributes Omit over a union, so each event body keeps its own fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before the run stamps it with instance, seq and time. */
export type EventBody = DistributiveOmit<FlowEvent, 'instanceId' | 'seq' | 'at' | 'actor'>;

/** Work for other instances, carried out by the facade within the same atomic append. */
export type Effect =
  | { kind: 'start-child'; instanceId: string; flowId: string; version: number; data: ProcessData; parent: ParentLink; actor?: ActorRef }
  | { kind: 'child-completed'; parent: ParentLink; childInstanceId: string; outcome?: string; data: ProcessData }
  | { kind: 'child-cancelled'; parent: ParentLink; childInstanceId: string; reason: string }
  | { kind: 'cancel-child'; instanceId: string; reason: string };

/** What the pure core is given besides state and command. */
export interface DecideContext {
  flow: CompiledFlow;
  now: number;
  /** New instance ids (sub-flow children). */
  newInstanceId: () => string;
  /** New record ids (a record variable that gets a field and has no id); `newInstanceId` when absent. */
  newRecordId?: (record: { variable: string; entity?: string }) => string;
  /** Deployed flows for sub-flow steps: the pinned version, or the latest. */
  resolveFlow: (flowId: string, version?: number) => CompiledFlow | undefined;
  /** Roles that may cancel and migrate any instance. */
  adminRoles: readonly string[];
}

/** The effects of a run that has none (shared, never written: {@link Run.effect} replaces it). */
const NO_EFFECTS: Effect[] = Object.freeze([]) as unknown as Effect[];

/** Token and task ids of the first sequence numbers, made once and shared by every instance (kept in each log). */
const IDS = { k: [] as string[], t: [] as string[] };

/** The id of a token (`k`) or task (`t`) minted at sequence number `seq`, e.g. `k2`. */
export function seqId(kind: 'k' | 't', seq: number): string {
  return seq < 256 ? (IDS[kind][seq] ??= kind + seq) : kind + seq;
}

/**
 * An event's time as its literal is written: {@link Run.push} sets it to the
 * command's time. V8 keeps a field that has only ever held numbers as a boxed
 * double, so every event would allocate a box of its own for its time (and
 * reading it out, as the store's encoding does, another); a field first made
 * holding something else keeps a pointer, and all events of a command share
 * the one number the clock gave (start + complete: 9.2 -> 8.6 KB allocated).
 * Never seen outside a run: the event has its time before anything reads it.
 */
export const STAMPED_AT = undefined as unknown as number;

/** What a command decided: the state after it, its events, and its effects on other instances. */
export interface Decision {
  state: InstanceState;
  events: FlowEvent[];
  effects: Effect[];
}

/** Most node entries one command may cause before the engine calls it a loop. */
export const STEP_LIMIT = 10_000;

/** Room for the events of a run made up front (most commands emit fewer; `push` onto an empty list makes room for 17). */
const EVENT_ROOM = 8;

/** What a run holds while no command is under way (never read then). */
const NO_EVENTS_YET: FlowEvent[] = Object.freeze([]) as unknown as FlowEvent[];
const NO_STATE = undefined as unknown as InstanceState;
const NO_FLOW = undefined as unknown as CompiledFlow;
const NO_CONTEXT = undefined as unknown as DecideContext;

/** One transition in progress; {@link Run.done} makes it the decision. */
export class Run {
  /** The events so far, the first `count` entries (see {@link done}); a new list for each command. */
  events: FlowEvent[] = NO_EVENTS_YET;
  private count = 0;
  /** Effects on other instances; one shared empty list until the first ({@link effect}). */
  effects: Effect[] = NO_EFFECTS;
  /**
   * Tokens to move on, first in first out: the next one in `head`, the ones after it in `rest`
   * (from `restAt`). Most runs move one token at a time, so the queue mostly lives in `head` and
   * allocates nothing.
   */
  private head: string | undefined = undefined;
  private rest: string[] | undefined = undefined;
  private restAt = 0;
  /** Set when data changed since controls and waits were last checked. */
  dataChanged = false;
  /** Set when a token ended, so resting joins are checked again. */
  tokenEnded = false;
  steps = 0;
  /** The version the instance runs on (changes when it migrates). */
  flow: CompiledFlow = NO_FLOW;
  /** The working state: a draft this run owns (see `ownedCopy`), so events fold into it in place. */
  state: InstanceState = NO_STATE;
  ctx: DecideContext = NO_CONTEXT;
  actor: ActorRef | undefined = undefined;
  /** Between {@link Run.begin} and {@link Run.end}. */
  private busy = false;

  private constructor() {}
  /** The run commands reuse (see {@link Run.begin}). */
  private static readonly spare = new Run();

  /**
   * The run for a command, every field set afresh. Decisions are plain
   * objects ({@link done}), so one run is reused by every command (≈130
   * bytes each); a decide that begins while another is under way (an id
   * source that runs a command) gets a run of its own. Call {@link end} when
   * done, thrown or not.
   */
  static begin(state: InstanceState, ctx: DecideContext, actor?: ActorRef, owned = false): Run {
    const run = Run.spare.busy ? new Run() : Run.spare;
    run.busy = true;
    run.events = new Array<FlowEvent>(EVENT_ROOM);
    run.count = 0;
    run.effects = NO_EFFECTS;
    run.head = undefined;
    run.rest = undefined;
    run.restAt = 0;
    run.dataChanged = false;
    run.tokenEnded = false;
    run.steps = 0;
    run.ctx = ctx;
    run.actor = actor;
    run.flow = ctx.flow;
    run.state = owned ? state : ownedCopy(state);
    return run;
  }

  /** Lets the run go: it keeps nothing of the command. */
  end(): void {
    this.busy = false;
    this.events = NO_EVENTS_YET;
    this.effects = NO_EFFECTS;
    this.rest = undefined;
    this.state = NO_STATE;
    this.flow = NO_FLOW;
    this.ctx = NO_CONTEXT;
    this.actor = undefined;
  }

  /** Queues a token to move on. */
  enqueue(tokenId: string): void {
    if (this.head === undefined && this.rest === undefined) this.head = tokenId;
    else if (this.rest) this.rest.push(tokenId);
    else this.rest = [tokenId];
  }

  /** The next queued token, or undefined when none is left. */
  dequeue(): string | undefined {
    const next = this.head;
    if (next !== undefined) {
      this.head = undefined;
      return next;
    }
    const rest = this.rest;
    if (!rest) return undefined;
    const id = rest[this.restAt++];
    if (this.restAt >= rest.length) {
      this.rest = undefined;
      this.restAt = 0;
    }
    return id;
  }

  /** Whether tokens are queued. */
  get queued(): boolean {
    return this.head !== undefined || this.rest !== undefined;
  }

  /** Records work for another instance. */
  effect(effect: Effect): void {
    if (this.effects === NO_EFFECTS) this.effects = [effect];
    else this.effects.push(effect);
  }

  /** The `seq` the next event will get; ids minted from it are unique within the instance. */
  get nextSeq(): number {
    return this.state.seq + 1;
  }

  /** The instance's id. */
  get id(): string {
    return this.state.instanceId;
  }

  /** The command's time. */
  get now(): number {
    return this.ctx.now;
  }

  /**
   * Records and folds an event written out in full (instance, seq, actor and
   * every field in one literal, its time {@link STAMPED_AT}: set here). The hot
   * paths use this: one allocation per event and one shape per event type.
   */
  push(event: FlowEvent, data?: ProcessData): void {
    event.at = this.ctx.now;
    this.events[this.count++] = event;
    this.state = applyInPlace(this.state, event, data);
    if (event.type === 'data.changed') this.dataChanged = true;
    else if (event.type === 'token.ended') this.tokenEnded = true;
  }

  /** The actor to record on an event the command's actor caused. */
  get by(): ActorRef | undefined {
    return this.actor;
  }

  /** Stamps, records and folds an event. `byActor` attributes it to the command's actor. */
  emit(body: EventBody, byActor = false): void {
    // Bodies are always fresh literals, so stamping them in place is safe and saves a copy per event.
    const event = body as FlowEvent;
    event.instanceId = this.state.instanceId;
    event.seq = this.state.seq + 1;
    // The time is added as the others are written in full: a pointer field (see STAMPED_AT), set by push.
    event.at = STAMPED_AT;
    if (byActor && this.actor) event.actor = this.actor;
    this.push(event);
  }

  /** Records an event already folded into the state (the start's first). */
  record(event: FlowEvent): void {
    this.events[this.count++] = event;
  }

  /**
   * The decision: the events list cut to those emitted (in place), the state and effects as they are;
   * written into `into` when given (the engine's scratch decision, read before anything else runs).
   */
  done(into?: Decision): Decision {
    this.events.length = this.count;
    if (!into) return { state: this.state, events: this.events, effects: this.effects };
    into.state = this.state;
    into.events = this.events;
    into.effects = this.effects;
    return into;
  }
}

