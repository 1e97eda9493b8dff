// FLOW_E040 read every `\p{…}` / `\P{…}` escape as matching any character. That refused ordinary
// patterns — `^(\p{Lu}\p{Ll}*\s)*$` (capitalised words, each followed by a space) cannot split a text two
// ways, since an iteration must start with an upper-case letter and end in white space — and, inside a
// negated class, read `[^\p{L}]` as matching nothing, so `^[^\p{L}]*[^\p{L}]*[^\p{L}]*x$` (n³) and
// `^([^\p{L}]|[^\p{N}])+x$` (exponential: '!' is both) passed. The escapes now match exactly the
// characters the JavaScript engine gives them; and alternatives that only share a first character
// (`(ab|ac)*`) are read as that character followed by the choice, which splits one way.
import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/schema/catalog.js';
import { parseCatalog } from '../../src/schema/parse-catalog.js';
import { patternCost, patternSafeLength, slowPattern } from '../../src/schema/pattern-cost.js';
import { catalog } from './fixtures.js';

function withPattern(pattern: string): Catalog {
  const c = structuredClone(catalog);
  const code = c.entities[0]!.fields.find((f) => f.id === 'code')!;
  code.constraints = { pattern, patternHint: { en: 'a code', zh: '编码' } };
  return c;
}
const problem = (pattern: string) => parseCatalog(withPattern(pattern)).problems.find((p) => p.code === 'FLOW_E040');

/** Linear patterns with Unicode properties, and alternatives sharing a prefix. */
const linear = [
  '^(\\p{Lu}\\p{Ll}*\\s)*$', // capitalised words, each followed by a space
  '^\\p{Lu}\\p{Ll}+(\\s\\p{Lu}\\p{Ll}+)*$', // a name in words
  '^\\p{Script=Han}+(·\\p{Script=Han}+)*$', // a Chinese name with a middle dot
  '^\\p{sc=Han}{2,4}$',
  '^[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*$', // a slug in any script
  '^(\\p{Nd}+,)*\\p{Nd}+$',
  '^\\p{Lu}+\\d+(\\s\\p{Lu}+\\d+)*$', // codes: letters then digits
  '^\\p{L}+(\\p{Zs}\\p{L}+)*$', // words with one space between
  '^(\\p{P}\\p{L}+)*$',
  '^(\\p{S}?\\p{N})+$',
  '^(\\P{L}\\p{L})+$',
  '^(\\p{Ll}+[A-Z])*$', // Ll holds no A-Z
  '^\\p{Lu}+\\p{Ll}+$',
  '^(ab|ac)*$',
  '^(?:ab|ac|b)+$',
  '^(?:http|https|ftp)(,(?:http|https|ftp))*$',
  '^(\\p{L}x|\\p{L}y)+$',
  '^(a|ab)+$',
  '^(a|ab)*c$',
];

/** Still refused: the property sets overlap where it matters, or the shared prefix leaves two ways. */
const exponential: [string, 'nested' | 'alternatives'][] = [
  ['^(\\p{L}+)+$', 'nested'],
  ['^(\\p{Lu}|\\p{L})+$', 'alternatives'], // every Lu is an L
  ['^(\\p{L}|a)*$', 'alternatives'],
  ['^(\\p{N}|\\d)+$', 'alternatives'],
  ['^(\\p{Script=Han}|\\p{Lo})+$', 'alternatives'],
  ['^(\\p{Ll}+\\s?)+$', 'nested'],
  ['^(\\P{L}|\\d)+$', 'alternatives'],
  ['^([^\\p{L}]|[^\\p{N}])+x$', 'alternatives'], // '!' is neither a letter nor a number
  ['^(\\p{L}\\p{Ll}*\\p{Lu}?)+$', 'nested'],
  ['^(ab|abab)*$', 'alternatives'], // 'abab': one iteration or two
  ['^(a|ab|b)+$', 'alternatives'], // 'ab': one iteration or two
];

describe('Unicode property escapes match the characters they name', () => {
  it.each(linear)('%s passes, with no length cap', (pattern) => {
    expect(slowPattern(pattern)).toBeUndefined();
    expect(patternCost(pattern).degree).toBeLessThanOrEqual(1);
    expect(problem(pattern)).toBeUndefined();
    expect(patternSafeLength(pattern)).toBe(Infinity);
  });

  it.each(exponential)('%s is still refused (%s)', (pattern, why) => {
    expect(slowPattern(pattern)).toBe(why);
    expect(problem(pattern)?.message).toMatch(/exponential time/);
  });

  it.each([
    ['^\\p{L}+\\p{Ll}+$', 2],
    ['^\\p{N}+\\d+x$', 2], // 0-9 are numbers
    ['^\\p{Lu}+\\p{Ll}+$', 1],
    ['^\\p{Script=Han}+\\d+$', 1],
    ['^\\p{L}+\\P{L}+$', 1],
    ['^[^\\p{L}]*[^\\p{L}]*[^\\p{L}]*x$', 3], // read as matching nothing before
    ['^\\P{Lu}*\\p{Ll}*\\p{Ll}*$', 3],
    ['^\\p{Z}*\\s*$', 2], // a space is both
    ['^\\p{Zs}+\\p{Lu}+$', 1],
  ])('%s: about n^%i steps', (pattern, degree) => {
    expect(patternCost(pattern).degree).toBe(degree);
  });
});

/** Runs a pattern on `unit` × 40 and a character nothing matches, stopped after `ms` (see pattern-linear-groups). */
function finishes(pattern: string, unit: string, ms: number): boolean {
  try {
    runInNewContext('new RegExp(`^(?:${p})$`, "u").test(s)', { p: pattern, s: `${unit.repeat(40)}\n` }, { timeout: ms });
    return true;
  } catch (e) {
    if (/timed out/.test(String((e as { message?: unknown }).message))) return false;
    throw e;
  }
}

describe('what the check lets through with property escapes does not blow up', () => {
  const atom = fc.constantFrom('a', 'A', '-', ' ', '\\d', '\\s', '[a-z]', '\\p{L}', '\\p{Lu}', '\\p{Ll}', '\\p{N}', '\\P{L}', '\\p{Zs}', '\\p{P}', '\\p{sc=Han}', '[\\p{L}\\d]', '[^\\p{L}]', 'ab', 'ac');
  const quant = fc.constantFrom('', '', '', '+', '*', '?', '{1,3}');
  const { seq } = fc.letrec<{ node: string; seq: string; group: string }>((tie) => ({
    node: fc.oneof({ maxDepth: 3, depthIdentifier: 'pattern' }, fc.tuple(atom, quant).map(([a, q]) => (a.length === 2 && !a.startsWith('\\') && q ? `(?:${a})${q}` : a + q)), tie('group')),
    seq: fc.array(tie('node'), { minLength: 1, maxLength: 3, depthIdentifier: 'pattern' }).map((x) => x.join('')),
    group: fc.tuple(fc.array(tie('seq'), { minLength: 1, maxLength: 2, depthIdentifier: 'pattern' }), fc.constantFrom('+', '*', '{2,}', '?')).map(([alts, q]) => `(?:${alts.join('|')})${q}`),
  }));
  const unit = fc.array(fc.constantFrom('a', 'A', 'é', 'Ж', '中', '1', '٣', ' ', '-', '!', 'b', 'c'), { minLength: 1, maxLength: 3 }).map((x) => x.join(''));

  it('the probe catches an exponential pattern with properties', () => {
    expect(finishes('(\\p{L}+)+', 'a', 300)).toBe(false);
    expect(finishes('([^\\p{L}]|[^\\p{N}])+x', '!', 300)).toBe(false);
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
    expect(probed).toBeGreaterThan(100);
  });
});
