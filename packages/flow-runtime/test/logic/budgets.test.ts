// Issue 15 point 1: cost is bounded by construction. Every operator charges the budget for the size
// of what it builds or reads (lists read as text or numbers, texts built, keys looked up), so no rule
// the policy allows runs past its budget on any data: it ends with a result or LOGIC_BUDGET.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRule, evaluate, LogicError } from '../../src/index.js';

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
  ),
  /** The patterns that double a value on every item (lists, texts, sums, merges), over up to 40 items. */
  grow: fc
    .tuple(
      fc.integer({ min: 8, max: 40 }),
      fc.constantFrom<unknown>([acc, acc], { cat: [acc, acc] }, { merge: [acc, acc] }, { '+': [acc, acc] }, [acc, { var: 'current' }, acc], { substr: [{ cat: [acc, acc] }, 1] }),
      fc.constantFrom<unknown>([1], 'ab', 1, ['a'], [[1]]),
    )
    .map(([n, body, start]) => ({ reduce: [range(n), body, start] })),
})).rule;
const dataArb = fc.record({ a: fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), l: fc.array(fc.oneof(fc.integer(), fc.array(fc.integer(), { maxLength: 3 })), { maxLength: 30 }) });

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
});
