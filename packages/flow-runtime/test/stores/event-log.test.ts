// The memory store's event-log codec learns each event type's key order and
// takes a faster path for events that fit one. Whatever path an event takes,
// decoding must give back exactly what was encoded: the same keys in the same
// order, each value the same value (0 and -0, NaN, undefined and a missing key,
// 1 and '1' told apart), objects the very objects given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowEvent } from '../../src/engine/types.js';
import { eventCodec, type EventCodec } from '../../src/stores/event-log.js';

type Event = Record<string, unknown>;

/** Decoded events are exactly the given ones: keys in order, values `Object.is`-equal. */
function expectSame(back: readonly unknown[], given: readonly Event[]): void {
  expect(back).toHaveLength(given.length);
  back.forEach((b, i) => {
    const e = given[i]!;
    const d = b as Event;
    expect(Object.keys(d), `keys of event ${i}`).toEqual(Object.keys(e));
    for (const key of Object.keys(e)) expect(Object.is(d[key], e[key]), `event ${i} key ${key}: ${String(d[key])} vs ${String(e[key])}`).toBe(true);
  });
}

/** A log kept as the memory store keeps it: encoded write by write, the last write sometimes given as two lists. */
class Log {
  encoded: unknown[] = [];
  events: Event[] = [];
  constructor(private readonly codec: EventCodec) {}
  write(batch: Event[], split?: number): void {
    const list = batch as unknown as FlowEvent[];
    this.encoded = split === undefined ? this.codec.encode(this.encoded, this.events.length, list) : this.codec.encode(this.encoded, this.events.length, list.slice(0, split), list.slice(split));
    this.events.push(...batch);
  }
}

const actor = { id: 'sam' };
const moved = (seq: number, at: number, tokenId: unknown, to: string): Event => ({ type: 'token.moved', instanceId: 'i1', seq, at, actor: undefined, tokenId, from: undefined, to, edgeId: undefined });

describe('the event-log codec', () => {
  it('decodes events of a learned type whose keys come in another order, or with a key more or less', () => {
    const codec = eventCodec();
    const log = new Log(codec);
    // Taught, then used: the same layout many times.
    log.write([moved(1, 1_000, 'k1', 'a'), moved(2, 1_000, 'k1', 'b'), moved(3, 1_000, 'k1', 'c')]);
    log.write([
      moved(4, 1_000, 'k1', 'd'),
      // Same type, keys in another order.
      { type: 'token.moved', instanceId: 'i1', seq: 5, at: 1_000, actor: undefined, to: 'e', tokenId: 'k1', from: undefined, edgeId: undefined },
      // Same type, a key fewer (tokenId missing: decoded missing, not undefined).
      { type: 'token.moved', instanceId: 'i1', seq: 6, at: 1_000, actor: undefined, from: undefined, to: 'f', edgeId: undefined },
      // Same type, a key more.
      { ...moved(7, 1_000, 'k1', 'g'), extra: 1 },
      // Another type with the same keys, right after events of the learned one.
      moved(8, 1_000, 'k1', 'h'),
      moved(9, 1_000, 'k1', 'h'),
      { ...moved(10, 1_000, 'k1', 'h'), type: 'token.jumped' },
      // No type at all.
      { instanceId: 'i1', seq: 11, at: 1_000, tokenId: 'k1' },
      moved(12, 1_000, 'k1', 'i'),
    ]);
    expectSame(codec.decode(log.encoded), log.events);
    expect(codec.decode(log.encoded, 6).map((e) => e.seq)).toEqual([7, 8, 9, 10, 11, 12]);
  });

  it('tells apart values equal to the event before\'s but not the same (1 and "1", 0 and -0, NaN, undefined and missing, null)', () => {
    const codec = eventCodec();
    const log = new Log(codec);
    const values: unknown[] = [1, '1', 1, 0, -0, -0, 0, Number.NaN, Number.NaN, undefined, null, null, undefined, false, 0, '', actor, { ...actor }, actor];
    // Each event carries the next value under the same key, in a layout taught by the first.
    log.write(values.map((v, i) => moved(i + 1, 1_000, v, 'x')));
    // Then the keys missing from one event and back in the next: `undefined` after a missing key is the same, a value is not.
    const missing = (seq: number): Event => ({ type: 'token.moved', instanceId: 'i1', seq, at: 1_000, actor: undefined, from: undefined, to: 'y', edgeId: undefined });
    log.write([moved(20, 1_000, 'k1', 'y'), moved(21, 1_000, 'k1', 'y'), missing(22), moved(23, 1_000, 'k1', 'y'), missing(24), moved(25, 1_000, undefined, 'y'), missing(26), moved(27, 1_000, 'k1', 'y')]);
    expectSame(codec.decode(log.encoded), log.events);
  });

  it('does not take the event before a write to be the last event of another log, or of the write before', () => {
    const codec = eventCodec();
    const a = new Log(codec);
    const b = new Log(codec);
    a.write([moved(1, 5, 'k1', 'a'), moved(2, 5, 'k1', 'b')]);
    // Another log's first event with values equal to the last one encoded.
    b.write([moved(1, 5, 'k1', 'b')]);
    // A write continuing a log, its first event equal to the log's last but for seq.
    a.write([moved(3, 5, 'k1', 'b')]);
    b.write([moved(2, 6, undefined, 'b'), moved(3, 6, undefined, 'b')], 1);
    expectSame(codec.decode(a.encoded), a.events);
    expectSame(codec.decode(b.encoded), b.events);
  });

  it('round-trips a log written by several writes whose first events, of learned layouts, follow events not at hand', () => {
    // A case completed task after task: each write continues a log the one before encoded, and its
    // first event's type and key order are learned; the values of the event before it (in the log,
    // not in the write) must not be taken for its own, nor a value missing there for an undefined one.
    const codec = eventCodec();
    const log = new Log(codec);
    const other = new Log(codec);
    const done = (seq: number, at: number, taskId: unknown, by: unknown): Event => ({ type: 'task.completed', instanceId: 'i1', seq, at, actor: by, taskId, data: undefined });
    log.write([moved(1, 5, 'k1', 'a'), done(2, 5, 't1', actor)]);
    log.write([done(3, 5, 't1', actor), moved(4, 5, 'k1', 'b')]);
    other.write([moved(1, 9, undefined, 'b')]);
    // Undefined where the event before held a value; the same values as the event before; a value where it held none.
    log.write([moved(5, 5, undefined, 'b'), done(6, 6, undefined, undefined)]);
    log.write([moved(7, 6, 'k1', 'b')]);
    log.write([done(8, 6, undefined, undefined), done(9, 6, undefined, undefined)], 1);
    log.write([done(10, 7, 't2', { ...actor })]);
    log.write([{ type: 'task.completed', instanceId: 'i1', seq: 99, at: 7, actor, taskId: 't2', data: undefined }]);
    expectSame(codec.decode(log.encoded), log.events);
    expectSame(codec.decode(other.encoded), other.events);
    expect(codec.decode(log.encoded, 4).map((e) => e.seq)).toEqual([5, 6, 7, 8, 9, 10, 99]);
  });

  it('decodes any mix of layouts, key orders, values and writes across logs sharing one codec', () => {
    const keyPool = ['instanceId', 'seq', 'at', 'actor', 'tokenId', 'nodeId', 'to', 'changes'];
    const valuePool: unknown[] = [0, -0, 1, '1', 'k1', 'k2', Number.NaN, undefined, null, true, 1.5, 1_700_000_000_000, 1_700_000_000_000.5, actor, { ...actor }, [1]];
    const value = fc.constantFrom(...valuePool);
    // Mostly a few fixed layouts (so they are learned and reused), sometimes a shuffled or cut one.
    const layouts = [
      ['type', 'instanceId', 'seq', 'at', 'actor', 'tokenId', 'to'],
      ['type', 'instanceId', 'seq', 'at', 'actor', 'nodeId'],
      ['type', 'nodeId', 'changes', 'instanceId', 'seq', 'at'],
    ];
    const keys = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...layouts) },
      { weight: 1, arbitrary: fc.shuffledSubarray(['type', ...keyPool], { minLength: 1 }) },
    );
    const event = fc.record({ keys, type: fc.constantFrom('a', 'b', 'c'), values: fc.array(value, { minLength: 9, maxLength: 9 }), seqOk: fc.boolean() });
    const write = fc.record({ log: fc.nat(2), events: fc.array(event, { minLength: 1, maxLength: 6 }), split: fc.option(fc.nat(6)) });
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 12 }), (writes) => {
        const codec = eventCodec();
        const logs = [new Log(codec), new Log(codec), new Log(codec)];
        for (const w of writes) {
          const log = logs[w.log]!;
          const batch = w.events.map((spec, i) => {
            const e: Event = {};
            spec.keys.forEach((key, k) => {
              e[key] = key === 'type' ? spec.type : key === 'seq' && spec.seqOk ? log.events.length + i + 1 : spec.values[k];
            });
            return e;
          });
          log.write(batch, w.split === null ? undefined : Math.min(w.split, batch.length));
        }
        for (const log of logs) expectSame(codec.decode(log.encoded), log.events);
      }),
      { numRuns: 400 },
    );
  });
});
