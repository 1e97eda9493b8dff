import { describe, expect, it } from 'vitest';
import { checkRule, evaluate, LogicError, prepareRule } from '../../src/index.js';

describe('checkRule: var paths', () => {
  it.each([
    ['__proto__', { var: '__proto__' }, ''],
    ['a nested __proto__', { var: 'customer.__proto__.polluted' }, ''],
    ['constructor', { '==': [{ var: 'x.constructor' }, 1] }, '/==/0/var'],
    ['prototype in array form', { var: ['a.prototype', 0] }, '/var/0'],
    ['missing', { missing: ['a', '__proto__'] }, '/missing/1'],
    ['missing_some', { missing_some: [1, ['a', 'constructor.name']] }, '/missing_some/1/1'],
  ])('refuses %s', (_name, rule, pointer) => {
    const issues = checkRule(rule);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe('FLOW_E031');
    expect(issues[0]!.path.endsWith(pointer)).toBe(true);
    expect(issues[0]!.message).toMatch(/JavaScript internals/);
  });

  it('accepts ordinary paths', () => {
    expect(checkRule({ '>=': [{ var: 'customer.creditUsed' }, { '*': [0.9, { var: 'customer.creditLimit' }] }] })).toEqual([]);
  });
});

describe('checkRule: shape and limits', () => {
  it('refuses an object with two operators, naming them', () => {
    const [issue] = checkRule({ and: [true], or: [false] });
    expect(issue).toMatchObject({ code: 'FLOW_E034' });
    expect(issue!.message).toContain("'and', 'or'");
  });

  it('refuses an empty object', () => {
    expect(checkRule({ if: [{}, 1, 2] })[0]).toMatchObject({ code: 'FLOW_E034', path: '/if/0' });
  });

  it('refuses rules nested deeper than the limit, once', () => {
    let rule: unknown = true;
    for (let i = 0; i < 100; i++) rule = { '!': [rule] };
    const issues = checkRule(rule);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe('FLOW_E032');
  });

  it('survives a rule nested 100,000 deep without overflowing the stack', () => {
    let rule: unknown = 1;
    for (let i = 0; i < 100_000; i++) rule = { '!': rule };
    expect(checkRule(rule)[0]!.code).toBe('FLOW_E032');
    expect(() => evaluate(rule, {})).toThrow(LogicError);
  });

  it('refuses rules with too many parts', () => {
    const rule = { and: Array.from({ length: 3000 }, (_, i) => ({ '==': [{ var: 'a' }, i] })) };
    expect(checkRule(rule).some((i) => i.code === 'FLOW_E033')).toBe(true);
  });

  it('refuses huge string literals', () => {
    expect(checkRule({ '==': [{ var: 'a' }, 'x'.repeat(20_000)] })[0]).toMatchObject({ code: 'FLOW_E033', path: '/==/1' });
  });

  it('allows limits to be tightened', () => {
    expect(checkRule({ '!': [{ '!': [true] }] }, { maxDepth: 2 })).toHaveLength(1);
  });
});

describe('evaluation budgets', () => {
  it('stops array doubling with reduce and merge before memory runs out', () => {
    const doubling = {
      reduce: [
        { var: 'steps' },
        { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] },
        [1],
      ],
    };
    const steps = Array.from({ length: 64 }, (_, i) => i);
    expect(() => evaluate(doubling, { steps })).toThrow(/list items/);
  });

  it('stops string doubling with cat', () => {
    const rule = { reduce: [{ var: 'steps' }, { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'ab'] };
    expect(() => evaluate(rule, { steps: Array.from({ length: 40 }, (_, i) => i) })).toThrow(/text longer/);
  });

  it('stops long-running iteration', () => {
    const big = Array.from({ length: 50_000 }, (_, i) => i);
    const rule = { map: [{ var: 'xs' }, { map: [{ var: '' }, 1] }] };
    const nested = big.map(() => [1, 2, 3]);
    expect(() => evaluate(rule, { xs: nested })).toThrow(LogicError);
  });

  it('lets ordinary rules through untouched', () => {
    const lines = [{ sku: 'A', qty: 2, price: 10 }, { sku: 'B', qty: 1, price: 5 }];
    const total = { reduce: [{ var: 'lines' }, { '+': [{ var: 'accumulator' }, { '*': [{ var: 'current.qty' }, { var: 'current.price' }] }] }, 0] };
    expect(evaluate(total, { lines })).toBe(25);
  });

  it('a budget error says what happened in plain words', () => {
    const rule = { reduce: [{ var: 'n' }, { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [1]] };
    try {
      evaluate(rule, { n: Array.from({ length: 30 }, () => 0) });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LogicError);
      expect((error as LogicError).code).toBe('LOGIC_BUDGET');
      expect((error as LogicError).message).toMatch(/built more than 100000 list items and was stopped/);
    }
  });
});

describe('data access stays on data', () => {
  it('computed paths cannot reach the prototype', () => {
    const rule = { var: { cat: ['__pro', 'to__'] } };
    expect(evaluate(rule, { a: 1 })).toBeNull();
    expect(evaluate({ var: [{ cat: ['constr', 'uctor'] }, 'fallback'] }, {})).toBe('fallback');
  });

  it('inherited methods read as not found', () => {
    expect(evaluate({ var: 'toString' }, {})).toBeNull();
    expect(evaluate({ var: 'name.toUpperCase' }, { name: 'x' })).toBeNull();
  });

  it('does not let a rule pollute Object.prototype', () => {
    evaluate({ merge: [{ var: '' }] }, JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('prepareRule', () => {
  it('compiles a rule object once and reuses it', () => {
    const rule = { '>': [{ var: 'x' }, 1] };
    expect(prepareRule(rule)).toBe(prepareRule(rule));
  });

  it('names every violation in its error', () => {
    expect(() => prepareRule({ and: [{ log: 1 }, { var: '__proto__' }] })).toThrow(/log[\s\S]*__proto__/);
  });
});
