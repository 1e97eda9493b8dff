// Fourth red-team pass: catalog patterns whose backtracking grows as a power of the text. FLOW_E040
// refused only exponential patterns, so `\d*\d*\d*x`, `.*.*=.*`, `[a-z]+[a-z0-9]+@` — and the sample
// catalog's own e-mail pattern `^[^@\s]+@[^@\s]+\.[^@\s]+$` — passed validate, and one write of a
// long text held the engine: the engine searched the pattern unanchored, so `\d*\d*\d*x` on 1,000
// digits took 95 s there (n⁴) and on 100,000 digits would never end; the e-mail pattern took 2 s on
// 40,000 characters (bench/pattern-cost.ts has the figures). Now validate refuses a pattern whose
// cost is about n^k (k ≥ 2) unless maxLength keeps n^k within 10⁷ steps, naming the parts, the
// degree and the longest maxLength allowed (en/zh); and the root engine, whatever catalog it is
// given, refuses a value longer than its pattern is safe for before running it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { problemMessage } from '../../src/analysis/problem-messages.js';
import { createEngine } from '../../src/engine/engine.js';
import { fieldLimits } from '../../src/index.js';
import type { Catalog } from '../../src/schema/catalog.js';
import { parseCatalog } from '../../src/schema/parse-catalog.js';
import { PATTERN_STEP_BUDGET, patternCost, patternSafeLength, safeLengthFor } from '../../src/schema/pattern-cost.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { admin, catalog, flow, refused, rep } from './fixtures.js';
import { formatEngineText } from '../../src/engine/texts/format.js';

/** The fixture catalog with a pattern (and maybe maxLength) on the text field `order.code`. */
function withPattern(pattern: string, maxLength?: number): Catalog {
  const c = structuredClone(catalog);
  const code = c.entities[0]!.fields.find((f) => f.id === 'code')!;
  code.constraints = { pattern, patternHint: { en: 'a code', zh: '编码' }, ...(maxLength === undefined ? {} : { maxLength }) };
  return c;
}

const patternProblem = (pattern: string, maxLength?: number) => {
  const r = parseCatalog(withPattern(pattern, maxLength));
  return r.ok ? undefined : r.problems.find((p) => p.code === 'FLOW_E040' && p.path.endsWith('/constraints/pattern'));
};

describe('the cost of a pattern', () => {
  it.each([
    ['\\d*\\d*\\d*x', 3, ['\\d*', '\\d*', '\\d*']],
    ['.*.*=.*', 3, ['.*', '.*', '.*']],
    ['[a-z]+[a-z0-9]+@', 2, ['[a-z]+', '[a-z0-9]+']],
    ['^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', 2, ['[^@\\s]+', '[^@\\s]+']],
    // A character between two repeated parts that both can match it links them ("1" here).
    ['^\\d*1\\d*x$', 2, ['\\d*', '\\d*']],
    // So does a run of such characters ("ab"), each one of the shared ones.
    ['^[ab]*ab[ab]*c$', 2, ['[ab]*', '[ab]*']],
    ['^\\w+\\s?\\w+$', 2, ['\\w+', '\\w+']],
    ['^(?:x|\\d+)\\d+$', 2, ['\\d+', '\\d+']],
    ['^\\d{1,50}\\d{1,50}x$', 2, ['\\d{1,50}', '\\d{1,50}']],
    // A look-ahead runs at every place the part before it stops.
    ['^\\w*(?=\\d*x)', 2, ['\\w*', '\\d*']],
  ])('%s: about n^%i steps, from its repeated parts', (pattern, degree, parts) => {
    expect(patternCost(pattern)).toEqual({ degree, parts });
  });

  it.each([
    '^(\\+?86[ -]?)?(1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}|0\\d{2,3}[ -]?\\d{3,4}[ -]?\\d{4})$', // Chinese phone (sample catalog)
    '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', // unified social credit code
    '^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$', // e-mail, as the sample catalog now writes it
    '^[\\w.+-]+@[\\w-]+\\.[a-z]{2,63}$', // e-mail, another common form
    '^\\+?[0-9 ()-]{7,20}$', // international phone
    '^\\d{3}-\\d{3,4}-\\d{4}$',
    '^(?=.*\\d)(?=.*[a-z]).{8,}$', // password rule: each look-ahead runs once
    '^\\d+(\\.\\d{1,2})?$', // an amount
    '^\\d{1,3}(,\\d{3})*(\\.\\d+)?$', // thousands separators
    '^https?://[^\\s/$.?#][^\\s]*$',
    '^[A-Z]{2}-\\d+$',
    '^\\s*\\S+\\s*$',
    '^[^<>]*$',
    '^\\p{L}+$',
    '^\\d+\\.\\d+$',
    '^\\u{1F600}+$',
  ])('%s is linear', (pattern) => {
    expect(patternCost(pattern).degree).toBeLessThanOrEqual(1);
    expect(patternProblem(pattern)).toBeUndefined();
  });

  it('the safe length keeps n^k within the step budget and is the longest that does', () => {
    for (const k of [2, 3, 4, 5]) {
      const n = safeLengthFor(k);
      expect(n ** k).toBeLessThanOrEqual(PATTERN_STEP_BUDGET);
      expect((n + 1) ** k).toBeGreaterThan(PATTERN_STEP_BUDGET);
    }
    expect([safeLengthFor(2), safeLengthFor(3)]).toEqual([3162, 215]);
    expect(safeLengthFor(1)).toBe(Infinity);
    // Exponential patterns (refused by validate anyway): a few characters, fewer the deeper the nesting.
    expect(patternSafeLength('^(a+)+$')).toBe(11);
    expect(patternSafeLength('^((a+)+)+$')).toBe(5);
    expect(patternSafeLength('^(a|a)*$')).toBe(11);
  });
});

describe('reading any pattern that compiles', () => {
  // The catalog check reads every pattern a catalog has: a pattern its parser misread would crash validate.
  const pieces = ['a', 'b', '\\d', '\\w', '\\s', '.', '*', '+', '?', '{2}', '{1,}', '{0,40}', '(', ')', '(?:', '(?=', '(?<!', '(?<n>', '|', '[', ']', '[^', '^', '$', '-', '\\', '\\u{1F600}', '\\uD83D\\uDE00', '\\p{L}', '\\b', '\\1', '\\k<n>', '\\x41', '\\cA', '\\0', '😀', '\\-', '\\]', '{', '}', ','];
  const compiles = (p: string) => {
    try {
      new RegExp(p, 'u');
      return true;
    } catch {
      return false;
    }
  };
  it('never throws, and gives a degree and the parts of the worst chain', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 16 }).map((x) => x.join('')).filter(compiles), (pattern) => {
        const cost = patternCost(pattern);
        expect(cost.parts).toHaveLength(cost.degree);
        expect(patternSafeLength(pattern)).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('validate refuses a polynomial pattern unless maxLength keeps it small (FLOW_E040)', () => {
  it.each([
    ['\\d*\\d*\\d*x', 3, 215],
    ['.*.*=.*', 3, 215],
    ['[a-z]+[a-z0-9]+@', 2, 3162],
    ['^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', 2, 3162],
  ])('%s without maxLength: refused naming the parts, the degree and the maxLength that would do, in en and zh', (pattern, degree, safe) => {
    const p = patternProblem(pattern);
    expect(p?.message).toContain(`about n^${degree} steps`);
    expect(p?.message).toContain(`set 'maxLength' to at most ${safe} (the field has no maxLength)`);
    expect(p?.message).toMatch(/^Field 'order\.code': the pattern's repeated parts '.+' and '.+' can match the same characters/);
    expect(p?.message).toMatch(/or rewrite the pattern/);
    const zh = problemMessage(p!, 'zh');
    expect(zh).toContain(`n^${degree} 步`);
    expect(zh).toContain(`请把“maxLength”设为不超过 ${safe}（该字段没有设置 maxLength）`);
    expect(zh).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/); // no English sentence left in it
  });

  it('a maxLength within the safe length passes; one above it is refused saying what it is now', () => {
    expect(patternProblem('\\d*\\d*\\d*x', 215)).toBeUndefined();
    expect(patternProblem('[a-z]+[a-z0-9]+@', 64)).toBeUndefined();
    const p = patternProblem('\\d*\\d*\\d*x', 216);
    expect(p?.message).toContain("set 'maxLength' to at most 215 (maxLength is 216)");
    expect(problemMessage(p!, 'zh')).toContain('请把“maxLength”设为不超过 215（目前为 216）');
  });

  it('exponential patterns keep their own message, whatever maxLength says', () => {
    expect(patternProblem('^(a+)+$', 5)?.message).toMatch(/exponential time/);
  });

  it('every pattern of the sample catalog passes, and the catalog validates', () => {
    const sample = JSON.parse(readFileSync(new URL('../../../../examples/flows/catalog.json', import.meta.url), 'utf8')) as Catalog;
    const r = parseCatalog(sample);
    expect(r.problems).toEqual([]);
    const patterns = sample.entities.flatMap((e) => e.fields.filter((f) => f.constraints?.pattern).map((f) => [f, f.constraints!.pattern!] as const));
    expect(patterns.length).toBeGreaterThanOrEqual(4);
    for (const [field, pattern] of patterns) expect(safeLengthFor(patternCost(pattern).degree)).toBeGreaterThanOrEqual(field.constraints?.maxLength ?? Infinity);
  });
});

describe('the engine never runs a pattern on a text too long for it, whatever catalog it was given', () => {
  // The catalog is given to the engine as it is, not validated (a catalog stored before this check).
  async function caseWith(pattern: string) {
    const c = withPattern(pattern);
    const engine = createEngine({ store: createMemoryStore(), catalog: c });
    await engine.deploy(flow, { actor: admin });
    const { instance } = await engine.start('f', { actor: rep });
    return { engine, id: instance.instanceId, catalog: c };
  }

  // Each text is the pattern's worst case: a long run every repeated part can take, then what fails.
  it.each([
    ['\\d*\\d*\\d*x', '', '1', '!', 215],
    ['.*.*=.*', '', '=', '\n', 215],
    ['[a-z]+[a-z0-9]+@', '', 'a', '!', 3162],
    ['^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', 'a@', '.', '@', 3162],
    ['^(a+)+$', '', 'a', '!', 11],
  ])('%s on 100,000 characters: INVALID_VALUE naming the field and the length it is safe for, nothing stored', async (pattern, head, ch, tail, safe) => {
    const { engine, id, catalog: c } = await caseWith(pattern);
    const before = await engine.instance(id);
    const e = await refused(engine.updateData(id, { actor: rep, data: { 'order.code': `${head}${ch.repeat(100_000)}${tail}` } }));
    expect(e.code).toBe('INVALID_VALUE');
    expect(e.details.fields).toEqual(['order.code']);
    expect(formatEngineText(e.details.text!, { locale: 'en', catalog: c })).toMatch(new RegExp(`code must be at most ${safe.toLocaleString("en")} characters long`, "i"));
    expect(formatEngineText(e.details.text!, { locale: 'zh', catalog: c })).toMatch(new RegExp(`编码.*最多 ${safe.toLocaleString('en')} 个字符`));
    expect(await engine.instance(id)).toEqual(before);
  });

  it('a text of the safe length is still judged by the pattern, and one that matches is kept', async () => {
    const { engine, id } = await caseWith('\\d*\\d*\\d*x');
    const e = await refused(engine.updateData(id, { actor: rep, data: { 'order.code': '1'.repeat(215) } }));
    expect(e.details.fields).toEqual(['order.code']);
    expect(formatEngineText(e.details.text!, { locale: 'en', catalog })).toMatch(/a code/);
    const { instance } = await engine.updateData(id, { actor: rep, data: { 'order.code': `${'1'.repeat(214)}x` } });
    expect((instance.data.order as { code: string }).code).toHaveLength(215);
  });

  it('a linear pattern runs on a text of any length the engine takes', async () => {
    const { engine, id } = await caseWith('^[^<>]*$');
    const { instance } = await engine.updateData(id, { actor: rep, data: { 'order.code': 'x'.repeat(500_000) } });
    expect((instance.data.order as { code: string }).code).toHaveLength(500_000);
    expect((await refused(engine.updateData(id, { actor: rep, data: { 'order.code': `${'x'.repeat(500_000)}<` } }))).code).toBe('INVALID_VALUE');
  });

  it('the whole text must match, in any of the ways the pattern allows', async () => {
    // Searched unanchored, 'a|ab' found 'a' in 'ab' and refused it; the pattern allows 'ab'.
    const { engine, id } = await caseWith('a|ab');
    const { instance } = await engine.updateData(id, { actor: rep, data: { 'order.code': 'ab' } });
    expect((instance.data.order as { code: string }).code).toBe('ab');
  });

  it('forms get the same answer (fieldLimits)', () => {
    const field = withPattern('\\d*\\d*\\d*x').entities[0]!.fields.find((f) => f.id === 'code')!;
    expect(fieldLimits(field, '1'.repeat(100_000))).toEqual([{ key: 'limit.maxLength', args: { n: 215 } }]);
    expect(fieldLimits(field, '12x')).toEqual([]);
  });
});
