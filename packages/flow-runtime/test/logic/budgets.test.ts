// Issue 15 point 1: cost is bounded by construction. Every operator charges the budget for the size
// of what it builds or reads (lists read as text or numbers, texts built, keys looked up), so no rule
// the policy allows runs past its budget on any data: it ends with a result or LOGIC_BUDGET.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRule, evaluate, LogicError } from '../../src/index.js';
import { compileMetered, ruleWeight } from '../../src/logic/compile.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const acc = { var: 'accumulator' };
/** `{"==": [reduce(0..n-1, <doubling>, start), "x"]}`: the value doubles on every item. */
const doubling = (n: number, body: unknown, start: unknown, outer = '==') => ({ [outer]: [{ reduce: [range(n), body, start] }, 'x'] });

function outcome(run: () => unknown): string {
  try {
    run();
    return 'result';
  } catch (e) {
    if (e instanceof LogicError) return e.code;
    throw e; // anything else is a crash: the test fails
  }
}

describe('rules that grow their values end within the budget', () => {
  const bodies: [string, unknown, unknown][] = [
    ['a list literal of the accumulator twice', [acc, acc], [1]],
    ['cat of the accumulator twice', { cat: [acc, acc] }, 'ab'],
    ['substr of a doubled text', { substr: [{ cat: [acc, acc] }, 0] }, 'ab'],
    ['+ on the accumulator twice', { '+': [acc, acc] }, 1],
    ['merge of the accumulator twice', { merge: [acc, acc] }, [1]],
  ];
  for (const [name, body, start] of bodies) {
    for (const n of [16, 22, 26, 28, 40]) {
      it(`${name}, N = ${n}`, () => {
        expect(['result', 'LOGIC_BUDGET']).toContain(outcome(() => evaluate(doubling(n, body, start), {})));
      });
    }
  }

  it('<, <=, in and == on a doubled list: LOGIC_BUDGET before the list is read as text', () => {
    const grown = { reduce: [range(26), [acc, acc], [1]] };
    for (const rule of [{ '<': [grown, 1] }, { '<=': [1, grown] }, { in: ['z', grown] }, { '==': [grown, 'x'] }, { '!=': [{ var: 'a' }, grown] }, { min: [grown, 1] }, { cat: [grown] }]) {
      expect(outcome(() => evaluate(rule, { a: 1 }))).toBe('LOGIC_BUDGET');
    }
  });

  it('a reduce over 16,384 items (merge doubling) concatenating a 10,000-character text: LOGIC_BUDGET', () => {
    const items = { reduce: [range(14), { merge: [acc, acc] }, [1]] };
    const rule = { reduce: [items, { cat: [acc, 'x'.repeat(10_000)] }, ''] };
    expect(outcome(() => evaluate(rule, {}))).toBe('LOGIC_BUDGET');
  });

  it('missing and missing_some over a list of lists: LOGIC_BUDGET', () => {
    const lists = { reduce: [range(24), [acc, acc], ['a']] };
    expect(outcome(() => evaluate({ missing: [lists] }, {}))).toBe('LOGIC_BUDGET');
    expect(outcome(() => evaluate({ missing_some: [1, lists] }, {}))).toBe('LOGIC_BUDGET');
  });

  it('a list in the data read as text is charged too: a 200,000-item list compared with == stops', () => {
    expect(outcome(() => evaluate({ '==': [{ var: 'big' }, 'x'] }, { big: range(200_000) }))).toBe('LOGIC_BUDGET');
    // The same list is fine where nothing reads it as text.
    expect(evaluate({ '===': [{ var: 'big' }, 'x'] }, { big: range(200_000) })).toBe(false);
  });

  it('ordinary rules keep json-logic-js results (lists read as text when small)', () => {
    expect(evaluate({ '==': [[1, 2], '1,2'] }, {})).toBe(true);
    expect(evaluate({ cat: [['a', 'b'], 'c'] }, {})).toBe('a,bc');
    expect(evaluate({ in: ['b', 'abc'] }, {})).toBe(true);
    expect(evaluate({ '<': [[1], 2] }, {})).toBe(true);
  });
});

/** Rules built from the allowed operators, doubling patterns included, over small random data. */
const ruleArb = fc.letrec((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(1, 0, 'ab', '', true, null, [1], [[1, 2]], { var: 'a' }, { var: 'l' }, { var: 'accumulator' }, { var: 'current' }, { var: '' }),
    fc.tuple(tie('rule'), tie('rule')).map(([x, y]) => [x, y]),
    fc.tuple(fc.constantFrom('==', '!=', '<', '<=', '>', '+', '*', '-', '/', '%', 'in', 'cat', 'merge', 'min', 'max', '===', 'and', 'or', 'if'), tie('rule'), tie('rule')).map(([op, x, y]) => ({ [op]: [x, y] })),
    fc.tuple(fc.constantFrom('!', '!!', 'missing'), tie('rule')).map(([op, x]) => ({ [op]: [x] })),
    tie('rule').map((x) => ({ substr: [x, 1] })),
    tie('rule').map((x) => ({ missing_some: [1, x] })),
    fc.tuple(fc.constantFrom('map', 'filter', 'some', 'all', 'none'), tie('rule'), tie('rule')).map(([op, x, y]) => ({ [op]: [x, y] })),
    fc.tuple(fc.integer({ min: 1, max: 40 }), tie('rule'), tie('rule')).map(([n, body, start]) => ({ reduce: [range(n), body, start] })),
    tie('grow'),
    tie('wide'),
  ),
  /** Per-item logic that is large without many operations: a wide list literal, many missing keys, a long text. */
  wide: fc
    .tuple(
      fc.constantFrom('l', 'big'),
      fc.integer({ min: 50, max: 1_500 }),
      fc.constantFrom('list', 'missing', 'text', 'search', 'path'),
    )
    .map(([list, k, kind]) => {
      const body =
        kind === 'list' ? [acc, ...Array<number>(k).fill(0)]
        : kind === 'missing' ? { missing: Array<string>(k).fill('zz') }
        : kind === 'text' ? { cat: [acc, 'x'.repeat(k * 4)] }
        : kind === 'search' ? { in: [{ var: 'a' }, { var: 's' }] }
        : { '==': [{ var: Array<string>(k).fill('a').join('.') }, 1] };
      return { reduce: [{ var: list }, body, 0] };
    }),
  /** The patterns that double a value on every item (lists, texts, sums, merges), over up to 40 items. */
  grow: fc
    .tuple(
      fc.integer({ min: 8, max: 40 }),
      fc.constantFrom<unknown>([acc, acc], { cat: [acc, acc] }, { merge: [acc, acc] }, { '+': [acc, acc] }, [acc, { var: 'current' }, acc], { substr: [{ cat: [acc, acc] }, 1] }),
      fc.constantFrom<unknown>([1], 'ab', 1, ['a'], [[1]]),
    )
    .map(([n, body, start]) => ({ reduce: [range(n), body, start] })),
})).rule;
const dataArb = fc.record({
  a: fc.oneof(fc.integer(), fc.string({ maxLength: 8 })),
  l: fc.array(fc.oneof(fc.integer(), fc.array(fc.integer(), { maxLength: 3 })), { maxLength: 30 }),
  big: fc.integer({ min: 0, max: 20_000 }).map(range),
  s: fc.integer({ min: 0, max: 50_000 }).map((n) => 'ab'.repeat(n)),
});

/**
 * The memory a value holds: one unit per distinct list item and object member, one per
 * 16 characters of each distinct text (shared lists counted once, as the heap holds them).
 */
function heldUnits(value: unknown): number {
  const seen = new Set<unknown>();
  let units = 0;
  const pending = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    // A value is counted where it is held (as a list item or member); texts add their length.
    if (typeof v === 'string') units += Math.floor(v.length / 16);
    else if (v !== null && typeof v === 'object' && !seen.has(v)) {
      seen.add(v);
      const items = Object.values(v);
      units += 1 + items.length;
      pending.push(...items);
    }
  }
  return units;
}

describe('property: every evaluation ends with a result, LOGIC_BUDGET, or another LogicError', () => {
  it('for random rules of the allowed operators on random data, with a small budget', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(ruleArb, dataArb, (rule, data) => {
        let compiled: ReturnType<typeof compileRule>;
        try {
          compiled = compileRule(rule, { maxSteps: 5_000, maxItems: 5_000, maxStringLength: 20_000 });
        } catch (e) {
          expect(e).toBeInstanceOf(LogicError);
          return;
        }
        const result = outcome(() => compiled(data));
        expect(['result', 'LOGIC_BUDGET', 'LOGIC_DATA', 'LOGIC_POLICY']).toContain(result);
      }),
      { numRuns: 3_000 },
    );
  });

  it('the steps charged bound the work done: nodes run, and the memory the result holds', { timeout: 60_000 }, () => {
    const budget = { maxSteps: 5_000, maxItems: 5_000, maxStringLength: 20_000 };
    fc.assert(
      fc.property(ruleArb, dataArb, (rule, data) => {
        let metered: ReturnType<typeof compileMetered>;
        try {
          metered = compileMetered(rule, budget);
        } catch (e) {
          expect(e).toBeInstanceOf(LogicError);
          return;
        }
        const { run, meter, context } = metered;
        const weight = ruleWeight(rule);
        let value: unknown;
        let ended = 'result';
        try {
          value = run(data);
        } catch (e) {
          if (!(e instanceof LogicError)) throw e;
          ended = e.code;
        }
        // Every node run beyond the rule's own parts was paid for, before it ran.
        expect(meter.nodes).toBeLessThanOrEqual(weight + Math.min(context.steps, budget.maxSteps));
        if (ended === 'result') {
          expect(context.steps).toBeLessThanOrEqual(budget.maxSteps);
          expect(context.items).toBeLessThanOrEqual(budget.maxItems);
          // What the result holds was built from paid steps and items, the rule, and the data. The rule's
          // own literals count twice in held units (a list is one unit and one per slot, and each item
          // is a part of the rule again): [1, [{"var": ""}, [[1, 2]]]] holds 18 units on data of 7 with
          // weight 10, no step and no item paid (found by a 40,000-run search).
          expect(heldUnits(value)).toBeLessThanOrEqual(2 * weight + context.steps + context.items + heldUnits(data));
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('per-item logic is paid for by its size, not its operations', () => {
  const l = range(50_000);
  it('a 1,990-value list literal built per item of a 50,000-item reduce: LOGIC_BUDGET (took 5.4 s and 800 MB)', () => {
    expect(outcome(() => evaluate({ reduce: [{ var: 'l' }, [acc, ...Array<number>(1_990).fill(0)], 0] }, { l }))).toBe('LOGIC_BUDGET');
  });
  it('missing with 1,990 keys per item of a 50,000-item map: LOGIC_BUDGET (took 5.7 s and 2 GB)', () => {
    expect(outcome(() => evaluate({ map: [{ var: 'l' }, { missing: Array<string>(1_990).fill('zz') }] }, { l }))).toBe('LOGIC_BUDGET');
  });
  it('a 4,900-segment path read per item: LOGIC_BUDGET', () => {
    const deep: Record<string, unknown> = {};
    deep.a = deep;
    expect(outcome(() => evaluate({ map: [{ var: 'l' }, { '==': [{ var: Array<string>(4_900).fill('a').join('.') }, 1] }] }, { l: Array<unknown>(20_000).fill(deep) }))).toBe('LOGIC_BUDGET');
  });
  it('a 1,000,000-character text searched or compared per item: LOGIC_BUDGET; short texts stay free', () => {
    const s = 'x'.repeat(1_000_000);
    const few = range(20_000);
    expect(outcome(() => evaluate({ map: [{ var: 'l' }, { in: [{ var: 'n' }, { var: 's' }] }] }, { l: few, n: 'y', s }))).toBe('LOGIC_BUDGET');
    expect(outcome(() => evaluate({ map: [{ var: 'l' }, { '<': [{ var: 's' }, { var: 't' }] }] }, { l: few, s, t: `${s}y` }))).toBe('LOGIC_BUDGET');
    expect(evaluate({ map: [{ var: 'l' }, { in: ['b', 'abc'] }] }, { l: range(1_000) })).toHaveLength(1_000);
  });
  it('cat refuses an over-long text before joining it', () => {
    const s = 'x'.repeat(600_000);
    expect(outcome(() => evaluate({ cat: [{ var: 's' }, { var: 's' }] }, { s }))).toBe('LOGIC_BUDGET');
  });
});

describe('every evaluation of a compiled rule starts with the whole budget', () => {
  // Each evaluation reads a 99-item list as a number or text (100 steps); 2,000 evaluations
  // would pass the 100,000-step budget if the steps of earlier evaluations were kept.
  const list = range(99);
  const shapes: [string, unknown][] = [
    ['a path compared with a constant', { '==': [{ var: 'l' }, 'x'] }],
    ['a path searched in a list written in the rule', { in: [{ var: 'l' }, ['a', 'b']] }],
    ['arithmetic of a path and a constant', { '+': [{ var: 'l' }, 1] }],
    ['arithmetic of two paths', { '*': [{ var: 'l' }, { var: 'n' }] }],
    ['a comparison under if', { if: [{ '>': [{ var: 'l' }, 1] }, 'a', 'b'] }],
    ['text built from the list', { cat: [{ var: 'l' }, '!'] }],
  ];
  for (const [name, rule] of shapes) {
    it(`${name}: 3,000 evaluations, none stopped`, () => {
      const run = compileRule(rule);
      for (let i = 0; i < 3_000; i++) expect(outcome(() => run({ l: list, n: 2 }))).toBe('result');
    });
  }
});
