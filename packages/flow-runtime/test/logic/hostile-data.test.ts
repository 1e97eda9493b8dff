// evaluate() on hostile data (issue 15.4): a defined result or a LogicError
// with a code, never a raw TypeError/RangeError; inherited members never read.
import { describe, expect, it } from 'vitest';
import { evaluate, LogicError } from '../../src/index.js';

function code(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    return e instanceof LogicError ? e.code : `raw ${(e as Error).name}`;
  }
}

describe('evaluate on hostile data', () => {
  it('an object whose toString is not a function: LOGIC_DATA, not a TypeError', () => {
    expect(code(() => evaluate({ cat: [{ var: 'o' }] }, { o: { toString: 'x' } }))).toBe('LOGIC_DATA');
  });

  it('200,000-deep data: LOGIC_DATA, not a RangeError', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(code(() => evaluate({ '==': [{ var: 'a' }, 'x'] }, { a: deep }))).toBe('LOGIC_DATA');
  });

  it('inherited members read as not found, at every depth and with a default', () => {
    const proto = { creditLimit: 1e12 };
    expect(evaluate({ var: 'creditLimit' }, Object.create(proto))).toBeNull();
    expect(evaluate({ var: 'customer.creditLimit' }, { customer: Object.create(proto) })).toBeNull();
    expect(evaluate({ var: ['customer.creditLimit', 5] }, { customer: Object.create(proto) })).toBe(5);
    expect(evaluate({ var: 'a.b.creditLimit' }, { a: { b: Object.create(proto) } })).toBeNull();
    expect(evaluate({ missing: ['customer.creditLimit'] }, { customer: Object.create(proto) })).toEqual(['customer.creditLimit']);
    // A path compared with a constant (compiled as one fused read) does not leak it either.
    expect(evaluate({ '>': [{ var: 'creditLimit' }, 1000] }, Object.create(proto))).toBe(false);
    expect(evaluate({ '==': [{ var: 'customer.creditLimit' }, 1e12] }, { customer: Object.create(proto) })).toBe(false);
    expect(evaluate({ '===': [{ var: 'customer.creditLimit' }, null] }, { customer: Object.create(proto) })).toBe(true);
    // Own members of such objects still read.
    const own = Object.create(proto) as Record<string, unknown>;
    own.creditLimit = 7;
    expect(evaluate({ var: 'customer.creditLimit' }, { customer: own })).toBe(7);
    expect(evaluate({ var: 'name.length' }, { name: 'abc' })).toBe(3);
  });

  it("reduce's current and accumulator: functions and inherited members of the items read as not found, at every depth", () => {
    const fn = function secret() {};
    // A function as the item, or inside it, is not a value: the default (or null) comes back, never the function or its own name.
    expect(evaluate({ reduce: [{ var: 'l' }, { var: 'current' }, 0] }, { l: [fn] })).toBeNull();
    expect(evaluate({ reduce: [{ var: 'l' }, { var: ['current', 'none'] }, 0] }, { l: [fn] })).toBe('none');
    expect(evaluate({ reduce: [{ var: 'l' }, { var: 'current.name' }, 0] }, { l: [fn] })).toBeNull();
    expect(evaluate({ reduce: [{ var: 'l' }, { var: ['current.name', { cat: ['no ', 'name'] }] }, 0] }, { l: [fn] })).toBe('no name');
    // Inherited members of an item never leak through current.
    const item = Object.create({ creditLimit: 1e12, current: 5 }) as Record<string, unknown>;
    expect(evaluate({ reduce: [{ var: 'l' }, { var: 'current.creditLimit' }, 0] }, { l: [item] })).toBeNull();
    // Inside an iteration nested in the per-item logic, current is a member of that iteration's item (data), read as data.
    expect(evaluate({ reduce: [{ var: 'l' }, { some: [{ var: 'current.xs' }, { '==': [{ var: 'current' }, 5] }] }, false] }, { l: [{ xs: [item] }] })).toBe(false);
    expect(evaluate({ reduce: [{ var: 'l' }, { some: [{ var: 'current.xs' }, { '==': [{ var: 'current' }, 5] }] }, false] }, { l: [{ xs: [{ current: 5 }] }] })).toBe(true);
    // A nested reduce reads its own record; its list is read from the outer one's.
    expect(evaluate({ reduce: [{ var: 'l' }, { '+': [{ var: 'accumulator' }, { reduce: [{ var: 'current.xs' }, { '+': [{ var: 'accumulator' }, { var: 'current' }] }, 0] }] }, 0] }, { l: [{ xs: [1, 2] }, { xs: [3] }] })).toBe(6);
  });

  it('a value planted on Object.prototype (prototype pollution) is never read as data', () => {
    const planted = Object.prototype as unknown as Record<string, unknown>;
    planted.approvedByPollution = 'approved';
    try {
      expect(evaluate({ var: 'approvedByPollution' }, {})).toBeNull();
      expect(evaluate({ '==': [{ var: 'order.approvedByPollution' }, 'approved'] }, { order: {} })).toBe(false);
      expect(evaluate({ var: ['order.approvedByPollution', 'no'] }, { order: { id: 1 } })).toBe('no');
      expect(evaluate({ missing: ['approvedByPollution'] }, {})).toEqual(['approvedByPollution']);
      expect(evaluate({ reduce: [{ var: 'l' }, { cat: [{ var: 'accumulator' }, { var: 'current.approvedByPollution' }] }, ''] }, { l: [{}, {}] })).toBe('');
    } finally {
      delete planted.approvedByPollution;
    }
  });

  it('a member whose getter throws: LOGIC_DATA from a plain read, a comparison and arithmetic alike', () => {
    const data = { a: Object.defineProperty({}, 'b', { enumerable: true, get: () => { throw new TypeError('boom'); } }) };
    for (const rule of [{ var: 'a.b' }, { var: ['a.b', 1] }, { '==': [{ var: 'a.b' }, 1] }, { '+': [{ var: 'a.b' }, 1] }, { if: [{ var: 'a.b' }, 1, 2] }]) {
      expect(code(() => evaluate(rule, data))).toBe('LOGIC_DATA');
    }
    const top = Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new RangeError('deep'); } });
    expect(code(() => evaluate({ var: 'x' }, top))).toBe('LOGIC_DATA');
  });
});
