import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/index.js';

// Random rules over the allowed operators, compared with json-logic-js, the
// reference semantics. Keys and values are kept small so paths collide with data.
const key = fc.constantFrom('a', 'b', 'c', 'items', 'n');
const scalar = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('1', 'x', '', 'a', '0'), fc.boolean(), fc.constant(null), fc.double({ min: -10, max: 10, noNaN: true }));
const data = fc.record({ a: scalar, b: scalar, c: fc.record({ d: scalar }), items: fc.array(scalar, { maxLength: 4 }), n: fc.integer({ min: -3, max: 3 }) });

const { rule } = fc.letrec((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    key.map((k) => ({ var: k })),
    fc.constantFrom({ var: 'c.d' }, { var: ['missing.path', 7] }, { var: '' }),
    fc.tuple(fc.constantFrom('==', '===', '!=', '!==', '>', '>=', '<', '<=', '+', '-', '*', '/', '%', 'cat', 'in', 'min', 'max'), tie('rule'), tie('rule')).map(([op, x, y]) => ({ [op]: [x, y] })),
    fc.tuple(fc.constantFrom('<', '<='), tie('rule'), tie('rule'), tie('rule')).map(([op, x, y, z]) => ({ [op]: [x, y, z] })),
    fc.tuple(fc.constantFrom('!', '!!', '-'), tie('rule')).map(([op, x]) => ({ [op]: [x] })),
    fc.tuple(fc.constantFrom('and', 'or', 'if', 'merge', 'missing'), fc.array(tie('rule'), { maxLength: 4 })).map(([op, xs]) => ({ [op]: xs })),
    fc.tuple(fc.constantFrom('map', 'filter', 'all', 'none', 'some'), tie('rule')).map(([op, body]) => ({ [op]: [{ var: 'items' }, body] })),
    tie('rule').map((body) => ({ reduce: [{ var: 'items' }, { '+': [{ var: 'accumulator' }, body] }, 0] })),
    fc.tuple(tie('rule'), fc.integer({ min: -3, max: 3 }), fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined })).map(([s, st, len]) => ({ substr: len === undefined ? [s, st] : [s, st, len] })),
  ),
}));

function outcome(f: () => unknown): { value?: unknown; threw?: true } {
  try {
    return { value: f() };
  } catch {
    return { threw: true };
  }
}

describe('compiled rules agree with json-logic-js', () => {
  it('on comparisons whose left side is itself a comparison or arithmetic (found by the property below)', () => {
    const d = { a: '1', b: 2, c: { d: false } };
    const rules = [
      { '==': [{ '==': [{ var: 'a' }, false] }, '1'] },
      { '==': [{ '==': [{ '==': [{ var: 'a' }, false] }, '1'] }, '1'] },
      { '!=': [{ '<': [{ var: 'b' }, 3] }, true] },
      { '===': [{ '>': [{ '+': [{ var: 'a' }, { var: 'b' }] }, 2] }, true] },
      { in: [{ '==': [{ var: 'c.d' }, false] }, [true, 'x']] },
      { '<': [{ '*': [{ var: 'b' }, { var: 'a' }] }, 3] },
      // a key that is a list reading as '' names the key '', not the data itself
      { missing: [false, [[]]] },
      { missing: [[[]], 'a'] },
    ];
    for (const r of rules) expect(outcome(() => compileRule(r)(d))).toEqual(outcome(() => jsonLogic.apply(r as jsonLogic.RulesLogic, d)));
  });

  it('on random rules and data', () => {
    fc.assert(
      fc.property(rule, data, (r, d) => {
        const ours = outcome(() => compileRule(r)(d));
        const theirs = outcome(() => jsonLogic.apply(r as jsonLogic.RulesLogic, d));
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 3000 },
    );
  });
});
