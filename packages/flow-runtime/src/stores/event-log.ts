/**
 * A compact encoding of one instance's event log, for the memory store: each
 * event becomes a shape id followed by only the values that cannot be
 * derived. A shape (an event's type, its keys in order and how each value is
 * stored) is shared by every event with the same keys, so the type, the `seq`
 * and any value equal to the same key's in the event before (its time,
 * instance id, token, task, step; a missing key's `undefined`) take no slot.
 * Decoding gives back events equal to the ones appended, keys in the same
 * order, nested values (actor, data, changes) the very objects appended.
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

// Scratch space of `encode`: the slots of a write, and the shape of the event at hand.
const slots: unknown[] = [];
const shape: Shape = [];

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

  return {
    encode(log, count, events, more = []) {
      let n = 0;
      let prev: Record<string, unknown> | undefined;
      // The time of the event before, kept from when it was read (each read of a time allocates).
      let at: unknown;
      for (let j = 0; j < events.length + more.length; j++) {
        const e = (events[j] ?? more[j - events.length]) as unknown as Record<string, unknown>;
        const mark = n++;
        let k = 1;
        let time: unknown;
        shape[0] = undefined;
        count++;
        for (const key in e) {
          const v = e[key];
          shape[k++] = key;
          shape[k++] =
            key === 'type' ? ((shape[0] = v), TYPE)
            : key === 'seq' && v === count ? SEQ
            : (key === 'at' ? ((time = v), Object.is(v, at)) : prev && Object.is(v, prev[key])) ? SAME
            : ((slots[n++] = v), VALUE);
        }
        // The id of this shape, added when new.
        let id = 0;
        next: for (; id < shapes.length; id++) {
          const s = shapes[id]!;
          if (s.length !== k) continue;
          for (let i = 0; i < k; i++) if (s[i] !== shape[i]) continue next;
          break;
        }
        if (id === shapes.length) shapes.push(shape.slice(0, k));
        slots[mark] = id;
        prev = e;
        at = time;
      }
      const added = slots.slice(0, n);
      // The scratch keeps nothing alive.
      slots.fill(undefined, 0, n);
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
}
