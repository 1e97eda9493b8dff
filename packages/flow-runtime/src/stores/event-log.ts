/**
 * A compact encoding of one instance's event log, for the memory store: each
 * event becomes a shape id followed by only the values that cannot be
 * derived. A shape (an event's type, its keys in order and how each value is
 * stored) is shared by every event with the same keys, so the type, the `seq`
 * and any value equal to the same key's in the event before (its time,
 * instance id, token, task, step; a missing key's `undefined`) take no slot.
 * Decoding gives back events equal to the ones appended, keys in the same
 * order, nested values (actor, data, changes) the very objects appended.
 *
 * Encoding is on the engine's hot path, so it learns: the first event of a
 * type with a given key order is encoded by the general path, which records
 * that key order as a {@link Layout}; later events of the type are checked
 * against their type's layouts key by key while being encoded, and each key's
 * value is compared with the event before's through a slot per key name (not
 * a lookup by name), the shape found from which keys repeated. An event that
 * fits no layout (keys in another order, a key more or less) takes the
 * general path; both give the same encoding.
 */
import type { FlowEvent } from '../engine/types.js';

// How a key's value is stored: in the next slot, or derived.
const VALUE = 0;
/** The shape's event type. */
const TYPE = 1;
/** The event's place in the log (1-based). */
const SEQ = 2;
/** The same key's value in the event before. */
const SAME = 3;

/**
 * A shape: the event type, then each key followed by how its value is stored
 * (`[type, key, kind, key, kind, …]`).
 */
type Shape = unknown[];

/**
 * The key order of one kind of event: its keys, each key's slot in the
 * value-of-the-event-before tables (`TYPE_SLOT` for `type`, `SEQ_SLOT` for
 * `seq`), and the shape id for each pattern of derived values (bit `i` set
 * when key `i` is `seq` equal to its place, or holds the same value as in
 * the event before).
 */
interface Layout {
  type: unknown;
  keys: string[];
  slots: number[];
  ids: Map<number, number>;
  /** The last pattern seen and its shape id (most events of a layout repeat the same values). */
  lastMask: number;
  lastId: number;
  /** The layout of the event that followed one of this layout last time (a guess tried first). */
  next: Layout | undefined;
}

const NO_LAYOUTS: Layout[] = [];

const TYPE_SLOT = -1;
const SEQ_SLOT = -2;
/** Most keys a layout may have (one bit each in a pattern). */
const MAX_LAYOUT_KEYS = 30;
/** Most layouts kept per event type (key orders beyond these take the general path). */
const MAX_LAYOUTS = 8;

// Scratch space of `encode`: the slots of a write, and the shape of the event at hand.
const slots: unknown[] = [];
const shape: Shape = [];

/** Whether two values are the same value (`Object.is`, written out so it stays inline). */
const same = (a: unknown, b: unknown): boolean => (a === b ? a !== 0 || 1 / (a as number) === 1 / (b as number) : a !== a && b !== b);

/** Encodes and decodes the logs of one store, sharing their shapes. */
export interface EventCodec {
  /**
   * The encoded `log` (of `count` events) with `events`, then `more`,
   * appended: a new array of the exact length.
   */
  encode(log: readonly unknown[], count: number, events: readonly FlowEvent[], more?: readonly FlowEvent[]): unknown[];
  /** Decodes the events after `afterSeq`, at most `limit` of them. */
  decode(log: readonly unknown[], afterSeq?: number, limit?: number): FlowEvent[];
}

/** Creates a codec (one per store). */
export function eventCodec(): EventCodec {
  const shapes: Shape[] = [];
  /** Event type → the key orders seen for it. */
  const layouts = new Map<unknown, Layout[]>();
  /** Key name → its slot in the tables below. */
  const keySlots = new Map<string, number>();
  /**
   * The value each key had in an event, and that event's stamp, in two
   * pairs of tables used in turn: the event at hand writes one pair, reads
   * the event before's from the other. A slot whose stamp is not the event
   * before's means that event had no such key.
   */
  const values: [unknown[], unknown[]] = [[], []];
  const stamps: [number[], number[]] = [[], []];
  /** The layout of the first event of the last log started (a guess tried first). */
  let first: Layout | undefined;
  /** The stamp of the last event encoded (it only grows, so stale entries never match). */
  let tick = 0;

  /** The shape id of a layout's pattern, added when new. */
  const layoutShape = (layout: Layout, mask: number): number => {
    let id = layout.ids.get(mask);
    if (id === undefined) {
      const s: Shape = [layout.type];
      for (let i = 0; i < layout.keys.length; i++) {
        const slot = layout.slots[i]!;
        s.push(layout.keys[i], slot === TYPE_SLOT ? TYPE : mask & (1 << i) ? (slot === SEQ_SLOT ? SEQ : SAME) : VALUE);
      }
      id = findShape(s, s.length);
      layout.ids.set(mask, id);
    }
    layout.lastMask = mask;
    layout.lastId = id;
    return id;
  };

  /** The id of a shape equal to the first `k` entries of `s`, added when new. */
  const findShape = (s: Shape, k: number): number => {
    let id = 0;
    next: for (; id < shapes.length; id++) {
      const known = shapes[id]!;
      if (known.length !== k) continue;
      for (let i = 0; i < k; i++) if (known[i] !== s[i]) continue next;
      return id;
    }
    shapes.push(s.slice(0, k));
    return id;
  };

  return {
    encode(log, count, events, more) {
      const total = more === undefined ? events.length : events.length + more.length;
      let n = 0;
      // The event before, when known: none before the first of a log (every key missing), unknown
      // before the first of a write that continues an encoded log.
      let prev: Record<string, unknown> | undefined;
      // The layout of the event before (none when it took the general path and taught none).
      let before: Layout | undefined;
      const fresh = count === 0;
      // No event of an earlier write is the event before this write's first.
      tick++;
      for (let j = 0; j < total; j++) {
        const e = (j < events.length ? events[j] : more![j - events.length]) as unknown as Record<string, unknown>;
        const t = ++tick;
        const cur = t & 1;
        const curValues = values[cur]!;
        const curStamps = stamps[cur]!;
        const prevValues = values[cur ^ 1]!;
        const prevStamps = stamps[cur ^ 1]!;
        const mark = n++;
        count++;
        let id = -1;
        // The fast path: the keys must be a layout's, in its order, `type` its type. First the
        // layout that followed the event before's last time, then those of the event's type.
        let layout = j > 0 ? (before !== undefined ? before.next : undefined) : fresh ? first : undefined;
        let list: Layout[] | undefined;
        let l = 0;
        if (j > 0 || fresh) {
          fit: for (;;) {
            if (layout === undefined) {
              if (list === undefined) list = layouts.get(e.type) ?? NO_LAYOUTS;
              if (l === list.length) break;
              layout = list[l++]!;
            }
            const keys = layout.keys;
            const keySlot = layout.slots;
            let i = 0;
            let mask = 0;
            n = mark + 1;
            for (const key in e) {
              if (key !== keys[i]) {
                layout = undefined;
                continue fit;
              }
              const slot = keySlot[i]!;
              const v = e[key];
              if (slot >= 0) {
                if (same(v, prevStamps[slot] === t - 1 ? prevValues[slot] : undefined)) mask |= 1 << i;
                else slots[n++] = v;
                curValues[slot] = v;
                curStamps[slot] = t;
              } else if (slot === SEQ_SLOT) {
                if (v === count) mask |= 1 << i;
                else slots[n++] = v;
              } else if (v !== layout.type) {
                layout = undefined;
                continue fit;
              }
              i++;
            }
            if (i !== keys.length) {
              layout = undefined;
              continue;
            }
            id = mask === layout.lastMask ? layout.lastId : layoutShape(layout, mask);
            if (before !== undefined) before.next = layout;
            else if (j === 0) first = layout;
            break;
          }
        }
        if (id < 0) {
          // The general path: every key looked up by name.
          n = mark + 1;
          let k = 1;
          shape[0] = undefined;
          for (const key in e) {
            const v = e[key];
            shape[k++] = key;
            shape[k++] =
              key === 'type' ? ((shape[0] = v), TYPE)
              : key === 'seq' && v === count ? SEQ
              : (prev !== undefined ? same(v, prev[key]) : j === 0 && fresh && v === undefined) ? SAME
              : ((slots[n++] = v), VALUE);
            let slot = keySlots.get(key);
            if (slot === undefined) keySlots.set(key, (slot = keySlots.size));
            curValues[slot] = v;
            curStamps[slot] = t;
          }
          id = findShape(shape, k);
          // Taught only when no layout of its type fitted (the first event of a write continuing a log is not tried).
          layout = j > 0 || fresh ? learn(e, k) : undefined;
        }
        slots[mark] = id;
        prev = e;
        before = layout;
      }
      const added = slots.slice(0, n);
      // The scratch keeps nothing alive.
      // (A loop: `fill` costs several times more here.)
      for (let i = 0; i < n; i++) slots[i] = undefined;
      for (const table of values) for (let i = 0; i < table.length; i++) table[i] = undefined;
      return log.length ? log.concat(added) : added;
    },

    decode(log, afterSeq = 0, limit = Infinity) {
      const out: FlowEvent[] = [];
      let seq = 0;
      let prev: Record<string, unknown> = {};
      for (let i = 0; i < log.length && out.length < limit; ) {
        const s = shapes[log[i++] as number]!;
        const e: Record<string, unknown> = {};
        seq++;
        for (let k = 1; k < s.length; k += 2) {
          const key = s[k] as string;
          const kind = s[k + 1];
          e[key] = kind === VALUE ? log[i++] : kind === TYPE ? s[0] : kind === SEQ ? seq : prev[key];
        }
        prev = e;
        if (seq > afterSeq) out.push(e as unknown as FlowEvent);
      }
      return out;
    },
  };

  /**
   * Records the key order of an event that fitted none of its type's layouts
   * (its keys in `shape`, up to `k`), if its type has room; gives the layout.
   */
  function learn(e: Record<string, unknown>, k: number): Layout | undefined {
    const keys: string[] = [];
    const slotsOf: number[] = [];
    let typed = false;
    for (let i = 1; i < k; i += 2) {
      const key = shape[i] as string;
      keys.push(key);
      typed ||= key === 'type';
      slotsOf.push(key === 'type' ? TYPE_SLOT : key === 'seq' ? SEQ_SLOT : keySlots.get(key)!);
    }
    if (!typed || typeof e.type !== 'string' || keys.length > MAX_LAYOUT_KEYS) return undefined;
    let list = layouts.get(e.type);
    if (!list) layouts.set(e.type, (list = []));
    if (list.length >= MAX_LAYOUTS) return undefined;
    const layout: Layout = { type: e.type, keys, slots: slotsOf, ids: new Map(), lastMask: -1, lastId: -1, next: undefined };
    list.push(layout);
    return layout;
  }
}
