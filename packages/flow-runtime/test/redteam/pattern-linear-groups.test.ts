// The catalog's exponential-backtracking check (FLOW_E040) refused every repeated group holding a
// variable count, so a key user's ordinary slug pattern `^[a-z0-9]+(-[a-z0-9]+)*$` — and dotted
// versions, phone extensions, comma lists — could not be used, though each iteration must begin with a
// character ('-', '.', ',') its inner count cannot take: a text splits one way only. The check now
// refuses a repeated group only when an iteration can match a text two ways or iterations can split it
// two ways; truly exponential patterns are still refused, and what passes is probed with the texts
// that make exponential patterns run for hours.
import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Catalog } from '../../src/schema/catalog.js';
import { parseCatalog } from '../../src/schema/parse-catalog.js';
import { patternCost, patternSafeLength, slowPattern } from '../../src/schema/pattern-cost.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { admin, catalog, flow, rep } from './fixtures.js';

function withPattern(pattern: string): Catalog {
  const c = structuredClone(catalog);
  const code = c.entities[0]!.fields.find((f) => f.id === 'code')!;
  code.constraints = { pattern, patternHint: { en: 'a code', zh: '编码' } };
  return c;
}

const problem = (pattern: string) => parseCatalog(withPattern(pattern)).problems.find((p) => p.code === 'FLOW_E040');

/** Linear patterns people write, each a repeated group whose iterations begin with what the count before cannot take. */
const linear = [
  '^[a-z0-9]+(-[a-z0-9]+)*$', // slug
  '^\\d{3}(-\\d{4})*$',
  '^(\\w+\\.)*\\w+$', // dotted name
  '^([A-Z]{2}\\d+,)*[A-Z]{2}\\d+$', // CSV of codes
  '^1[3-9]\\d{9}$', // Chinese mobile
  '^\\d+(\\.\\d+)*$', // dotted version
  '^v?\\d+(\\.\\d+){0,3}(-[0-9A-Za-z]+(\\.[0-9A-Za-z]+)*)?$', // semantic version with pre-release
  '^[^,\\s]+(,\\s?[^,\\s]+)*$', // comma list
  '^\\d+(,\\d+)*$', // comma list of numbers
  '^[A-Z]{3}(;[A-Z]{3})*$', // currency codes
  '^([a-z][a-z0-9]*_)*[a-z][a-z0-9]*$', // snake_case
  '^[a-z0-9]+([._-][a-z0-9]+)*@[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z]{2,})+$', // e-mail, dotted parts
  '^(?:[01]\\d|2[0-3])(?::[0-5]\\d){1,2}$', // time
  '^(-a+|-b+)+$', // alternatives that share only their first character: '-a' and '-b' part after it
];

/** Patterns that backtrack exponentially, each with the text that shows it. */
const exponential: [string, 'nested' | 'alternatives'][] = [
  ['^(a+)+$', 'nested'],
  ['^((a+))+$', 'nested'],
  ['^(a?){25}$', 'nested'],
  ['^(\\d+\\d*)+$', 'nested'],
  ['^(a*b?)*$', 'nested'],
  ['^(.*,)*$', 'nested'],
  ['^([a-z0-9]+-?)*$', 'nested'], // the slug written so that the '-' may be left out
  ['^(\\w+\\.?)+$', 'nested'],
  ['^(\\d+(\\.\\d+)*,?)+$', 'nested'], // inner groups are linear; the outer one can split "1,2" or "12" two ways
  ['^(a|a)*$', 'alternatives'],
  ['^(\\w|\\d)+$', 'alternatives'],
  ['^(x(a|a)y)*$', 'alternatives'], // one iteration can match "xay" two ways
  ['^(a|)*$', 'nested'],
  ['^(?<n>a)\\k<n>$', 'nested'],
];

describe('repeated groups that split a text one way only pass validate', () => {
  it.each(linear)('%s passes, with no length cap in the engine', (pattern) => {
    expect(problem(pattern)).toBeUndefined();
    expect(slowPattern(pattern)).toBeUndefined();
    expect(patternCost(pattern).degree).toBeLessThanOrEqual(1);
    expect(patternSafeLength(pattern)).toBe(Infinity);
  });

  it.each(exponential)('%s is still refused (%s)', (pattern, why) => {
    expect(slowPattern(pattern)).toBe(why);
    expect(problem(pattern)?.message).toMatch(/exponential time/);
    expect(patternSafeLength(pattern)).toBeLessThan(20);
  });

  it('a group still links to repeated parts that can share its first or last characters (polynomial, maxLength needed)', () => {
    expect(patternCost('^[a-z-]+(-[a-z]+)*$')).toEqual({ degree: 2, parts: ['[a-z-]+', '(-[a-z]+)*'] });
    expect(patternCost('^(-[a-z]+)*[a-z]+$')).toEqual({ degree: 2, parts: ['(-[a-z]+)*', '[a-z]+'] });
    expect(problem('^(-[a-z]+)*[a-z]+$')?.message).toMatch(/about n\^2 steps/);
  });

  it('a modifier group is read as matching any character there, so case folding cannot hide a conflict', () => {
    // (?i:…) compiles in engines that have modifiers; with them 'a' and 'A' are the same character.
    expect(slowPattern('^(?i:a|A)+$')).toBe('alternatives');
    expect(slowPattern('^(?i:[a-z]+-?)+$')).toBe('nested');
  });

  it('the engine keeps a long slug and refuses a malformed one, the pattern run on it either way', async () => {
    const c = withPattern('^[a-z0-9]+(-[a-z0-9]+)*$');
    const engine = createEngine({ store: createMemoryStore(), catalog: c });
    await engine.deploy(flow, { actor: admin });
    const { instance } = await engine.start('f', { actor: rep });
    const slug = Array.from({ length: 20_000 }, (_, i) => `p${i}`).join('-');
    const kept = await engine.updateData(instance.instanceId, { actor: rep, data: { 'order.code': slug } });
    expect((kept.instance.data.order as { code: string }).code).toBe(slug);
    await expect(engine.updateData(instance.instanceId, { actor: rep, data: { 'order.code': `${'a-'.repeat(50_000)}-` } })).rejects.toMatchObject({ code: 'INVALID_VALUE' });
  });
});

/**
 * Runs a pattern on `unit` repeated 40 times and a character nothing in it matches, stopped after
 * `ms`: a pattern that backtracks exponentially takes about 2⁴⁰ steps there (hours), one of degree
 * k ≤ 3 at most 120^k (a few milliseconds), so the limit is far from either.
 */
function finishes(pattern: string, unit: string, ms: number): boolean {
  try {
    runInNewContext('new RegExp(`^(?:${p})$`, "u").test(s)', { p: pattern, s: `${unit.repeat(40)}\n` }, { timeout: ms });
    return true;
  } catch (e) {
    // The error comes from the script's own realm, so it is not an Error of this one.
    if (/timed out/.test(String((e as { message?: unknown }).message))) return false;
    throw e;
  }
}

describe('what the check lets through does not blow up', () => {
  const atom = fc.constantFrom('a', 'b', '-', ',', '\\d', '\\w', '[a-z]', '[ab]', '[a-z0-9]', '.');
  const quant = fc.constantFrom('', '', '', '+', '*', '?', '{2}', '{1,3}');
  const { seq } = fc.letrec<{ node: string; seq: string; group: string }>((tie) => ({
    node: fc.oneof({ maxDepth: 3, depthIdentifier: 'pattern' }, fc.tuple(atom, quant).map(([a, q]) => a + q), tie('group')),
    seq: fc.array(tie('node'), { minLength: 1, maxLength: 3, depthIdentifier: 'pattern' }).map((x) => x.join('')),
    group: fc.tuple(fc.array(tie('seq'), { minLength: 1, maxLength: 2, depthIdentifier: 'pattern' }), fc.constantFrom('+', '*', '{2,}', '{1,5}', '?')).map(([alts, q]) => `(?:${alts.join('|')})${q}`),
  }));
  const unit = fc.array(fc.constantFrom('a', 'b', '-', ',', '1', '.'), { minLength: 1, maxLength: 3 }).map((x) => x.join(''));

  it('the probe catches an exponential pattern', () => {
    expect(finishes('(a+)+', 'a', 300)).toBe(false);
    expect(finishes('(\\w+\\.?)+', 'a', 300)).toBe(false);
    expect(finishes('[a-z0-9]+(-[a-z0-9]+)*', 'a-', 300)).toBe(true);
  });

  it('every generated pattern the check accepts finishes on crafted texts of 40 repetitions', () => {
    let probed = 0;
    fc.assert(
      fc.property(seq, fc.array(unit, { minLength: 3, maxLength: 3 }), (pattern, units) => {
        if (slowPattern(pattern) || patternCost(pattern).degree > 3) return;
        probed++;
        for (const u of units) expect(finishes(pattern, u, 2000), `${pattern} on '${u}'×40`).toBe(true);
      }),
      { numRuns: 400 },
    );
    // Most generated patterns hold a repeated group; a good share of them must have been accepted and probed.
    expect(probed).toBeGreaterThan(100);
  });
});
