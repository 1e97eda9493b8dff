// Rules compiled ahead of time run exactly as the closures do: same values,
// same budget, same errors — on the official suite, on random rules and data
// under small budgets, on planted prototype members, and in the engine.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRule, evaluate, LogicError, type EvaluationBudget } from '../../src/index.js';
import { precompiledRules, PRECOMPILED_FORMAT, rulesOfFlow } from '../../src/precompiled-entry.js';
import { FLOW_IDS, loadCatalog, loadFlow } from '../examples/load-examples.js';
import { CONFORMANCE_DIR } from '../paths.js';
import { loadRulesModule } from './load-precompiled.js';

type Outcome = { value: unknown } | { error: string };
function outcome(f: () => unknown): Outcome {
  try {
    return { value: f() };
  } catch (e) {
    return { error: e instanceof LogicError ? `${e.code}: ${e.message}` : `raw ${String(e)}` };
  }
}

/** The rule compiled ahead of time, and the same rule as closures, under one budget. */
async function both(rules: unknown[], budget: EvaluationBudget = {}) {
  const { module, source } = await loadRulesModule(rules);
  const source2 = precompiledRules(module, budget);
  return {
    source,
    pairs: rules.map((rule) => ({ rule, aot: source2(rule), closures: compileRule(rule, budget) })),
  };
}

const conformance = (JSON.parse(readFileSync(`${CONFORMANCE_DIR}jsonlogic-tests.json`, 'utf8')) as unknown[]).filter((c): c is [unknown, unknown, unknown] => Array.isArray(c));

describe('rules compiled ahead of time', () => {
  it('pass the official JsonLogic suite with the closures’ results', { timeout: 60_000 }, async () => {
    const { pairs } = await both(conformance.map(([rule]) => rule));
    let compiled = 0;
    pairs.forEach(({ aot, closures }, i) => {
      const [, data, expected] = conformance[i]!;
      if (!aot) return;
      compiled++;
      expect(outcome(() => aot(structuredClone(data)))).toEqual(outcome(() => closures(structuredClone(data))));
      expect(aot(structuredClone(data))).toEqual(expected);
    });
    // Most of the suite is written as code; the rest (iterations, missing, cat, …) is left to closures on purpose.
    expect(compiled).toBeGreaterThan(150);
  });

  it('contain no eval and no Function constructor (a strict Content-Security-Policy allows them)', async () => {
    const { source } = await both(conformance.map(([rule]) => rule));
    expect(source).not.toMatch(/\beval\b|\bFunction\s*\(|new\s+Function/);
    expect(source).toMatch(new RegExp(`format: ${PRECOMPILED_FORMAT}`));
  });

  it('agree with the closures on random rules and data, errors and budget included', async () => {
    const key = fc.constantFrom('a', 'b', 'c', 'items', 'n', 'length', 'toString', 'valueOf', '0');
    const scalar = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('1', 'x', '', 'a', '0', 'y'.repeat(80)), fc.boolean(), fc.constant(null), fc.double({ min: -10, max: 10, noNaN: true }));
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }));
    const data = fc.record({ a: value, b: scalar, c: fc.record({ d: value, length: scalar }), items: fc.array(scalar, { maxLength: 6 }), n: fc.integer({ min: -3, max: 3 }), toString: scalar });
    const { rule } = fc.letrec((tie) => ({
      rule: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalar,
        fc.constantFrom<unknown>([1, 2], ['a', ['b']], { a: 1, b: 2 }, {}),
        key.map((k) => ({ var: k })),
        fc.tuple(key, key).map(([k, j]) => ({ var: `${k}.${j}` })),
        fc.constantFrom({ var: 'c.d' }, { var: ['missing.path', 7] }, { var: ['c.zz', [1]] }, { var: '' }, { var: null }, { var: 0 }, { var: 'constructor' }, { var: ['__proto__', 3] }, { var: 'c.length' }, { var: 'a.length' }, { var: 'current' }, { var: 'current.d' }, { var: ['accumulator', 1] }, { var: 'current.0' }),
        fc.tuple(key, tie('rule')).map(([k, d]) => ({ var: [k, d] })),
        fc.tuple(fc.constantFrom('==', '===', '!=', '!==', '>', '>=', '<', '<=', '+', '-', '*', '/', '%', 'cat', 'in', 'min', 'max'), tie('rule'), tie('rule')).map(([op, x, y]) => ({ [op]: [x, y] })),
        fc.tuple(fc.constantFrom('in'), tie('rule')).map(([op, x]) => ({ [op]: [x, ['x', 1, 'a']] })),
        fc.tuple(fc.constantFrom('<', '<=', '+', '*'), tie('rule'), tie('rule'), tie('rule')).map(([op, x, y, z]) => ({ [op]: [x, y, z] })),
        fc.tuple(fc.constantFrom('!', '!!', '-'), tie('rule')).map(([op, x]) => ({ [op]: [x] })),
        tie('rule').map((x) => ({ '!': x })),
        fc.tuple(fc.constantFrom('and', 'or', 'if', '?:', 'merge', 'missing'), fc.array(tie('rule'), { maxLength: 5 })).map(([op, xs]) => ({ [op]: xs })),
        fc.tuple(fc.constantFrom('map', 'filter', 'all', 'none', 'some'), tie('rule')).map(([op, body]) => ({ [op]: [{ var: 'items' }, body] })),
        tie('rule').map((body) => ({ reduce: [{ var: 'items' }, { '+': [{ var: 'accumulator' }, body] }, 0] })),
        fc.tuple(tie('rule'), tie('rule'), fc.constantFrom<unknown>({ var: 'items' }, { var: 'a' }, [[1, 2], [3]], { var: 'current' })).map(([body, start, list]) => ({ reduce: [list, body, start] })),
        fc.tuple(fc.constantFrom('map', 'filter', 'all', 'none', 'some'), tie('rule'), tie('rule')).map(([op, list, body]) => ({ [op]: [list, body] })),
        tie('rule').map((x) => ({ var: x })),
      ),
    }));
    const samples = fc.sample(fc.tuple(rule, fc.array(data, { minLength: 3, maxLength: 3 })), { numRuns: 1500, seed: 7 });
    for (const budget of [{}, { maxSteps: 3 }, { maxSteps: 12, maxStringLength: 40 }]) {
      const { pairs } = await both(samples.map(([r]) => r), budget);
      let compiled = 0;
      pairs.forEach(({ aot, closures, rule: r }, i) => {
        if (!aot) return;
        compiled++;
        for (const d of samples[i]![1]) {
          // Twice on the same rule: the counters of one evaluation never carry into the next.
          const first = outcome(() => aot(d));
          expect(first, JSON.stringify(r)).toEqual(outcome(() => closures(d)));
          expect(outcome(() => aot(d))).toEqual(first);
        }
      });
      expect(compiled).toBeGreaterThan(600);
    }
    // Three budgets of 1,500 rules, each evaluated on three data twice: seconds on a loaded machine.
  }, 120_000);

  it('read only own members, whatever is planted on the prototypes', async () => {
    const rules = [{ var: 'quote.status' }, { '==': [{ var: 'quote.status' }, 'accepted'] }, { var: ['lines.evil', 'none'] }, { var: 'quote.toString' }, { var: 'lines.length' }, { var: 'name.length' }, { var: 'name.textEvil' }, { '!': { var: 'quote.evil' } }, { var: 'name.charAt' }, { var: 'count.toFixed' }, { var: 'count.numberEvil' }, { var: 'flag.booleanEvil' }, { var: 'name.1' }, { var: 'lines.1' }, { var: 'lines.5' }];
    const { pairs } = await both(rules);
    const data = { quote: { amount: 5 }, lines: [1, 2], name: 'abc', count: 3, flag: true };
    const proto = Object.prototype as Record<string, unknown>;
    const list = Array.prototype as unknown as Record<string, unknown>;
    const text = String.prototype as unknown as Record<string, unknown>;
    const number = Number.prototype as unknown as Record<string, unknown>;
    const boolean = Boolean.prototype as unknown as Record<string, unknown>;
    try {
      proto.status = 'accepted';
      list.evil = 'planted';
      // Each under a name of its own, so that no other prototype's planting hides it.
      text.textEvil = 'planted';
      number.numberEvil = 'planted';
      boolean.booleanEvil = 'planted';
      list[5] = 'planted';
      proto.evil = 'planted';
      for (const { aot, closures, rule } of pairs) {
        expect(aot, JSON.stringify(rule)).toBeDefined();
        expect(outcome(() => aot!(data)), JSON.stringify(rule)).toEqual(outcome(() => closures(data)));
      }
      expect(pairs.map(({ aot }) => aot!(data))).toEqual([null, false, 'none', null, 2, 3, null, true, null, null, null, null, 'b', 2, null]);
    } finally {
      delete proto.status;
      delete list.evil;
      delete text.textEvil;
      delete number.numberEvil;
      delete boolean.booleanEvil;
      delete list[5];
      delete proto.evil;
    }
    // Own members with those names are read.
    expect(pairs[1]!.aot!({ quote: { status: 'accepted' } })).toBe(true);
    expect(pairs[3]!.aot!({ quote: { toString: 'own' } })).toBe('own');
  });

  it('leave rules they do not have to the closures, and refuse a module of another format', async () => {
    const { module } = await loadRulesModule([{ '==': [{ var: 'a' }, 1] }]);
    const source = precompiledRules(module);
    expect(source({ '==': [{ var: 'a' }, 2] })).toBeUndefined();
    expect(source({ '==': [{ var: 'a' }, 1] })!({ a: 1 })).toBe(true);
    expect(() => precompiledRules({ format: 99, rules: {} })).toThrow(/format 99.*format 1.*crm-flow compile-rules/);
    // A rule the policy refuses is never run from the module.
    const hostile = { var: 'a', method: 'x' };
    expect(source(hostile)).toBeUndefined();
    expect(evaluate({ '==': [{ var: 'a' }, 1] }, { a: 1 })).toBe(true);
  });

  it('cover every rule of the sample flows', async () => {
    const catalog = loadCatalog();
    const rules = FLOW_IDS.flatMap((id) => rulesOfFlow(loadFlow(id, catalog)));
    const { pairs } = await both(rules);
    const objects = pairs.filter(({ rule }) => typeof rule === 'object' && rule !== null);
    const compiled = objects.filter(({ aot }) => aot);
    // Only rules that are a reduce alone are left to the closures.
    expect(objects.filter(({ aot }) => !aot).every(({ rule }) => Object.keys(rule as object)[0] === 'reduce')).toBe(true);
    expect(compiled.length).toBeGreaterThan(60);
  });
});
