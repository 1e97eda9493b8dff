// Third red-team pass: a catalog pattern that backtracks exponentially passed `validate` when its
// nested repetition hid behind another group (`((a+))+`), an optional part (`(a?){25}`) or
// alternatives (`(a|a)*`, `(\w|\d)+`) — and then every write of a crafted text (30 characters
// of 'a' and a '!') would hold the engine for seconds to years. FLOW_E040 now names each of them
// (en/zh); patterns the sample catalog and forms use still pass.
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/schema/parse-catalog.js';
import { problemMessage } from '../../src/analysis/problem-messages.js';
import type { Catalog } from '../../src/schema/catalog.js';
import { catalog } from './fixtures.js';

function withPattern(pattern: string): ReturnType<typeof parseCatalog> {
  const c = structuredClone(catalog) as Catalog;
  c.entities[0]!.fields.push({ id: 'p', name: { en: 'P' }, type: 'string', constraints: { pattern, patternHint: { en: 'a code', zh: '编码' } } });
  return parseCatalog(c);
}

describe('patterns that can backtrack exponentially are refused by the catalog check', () => {
  it.each([
    ['^(a+)+$', /repeats a group that itself repeats/],
    ['^((a+))+$', /repeats a group that itself repeats/],
    ['^((a+){1})+$', /repeats a group that itself repeats/],
    ['^(a?){25}a{25}$', /repeats a group that itself repeats/],
    ['^(.*,)*$', /repeats a group that itself repeats/],
    ['^(a)\\1$', /refers back to a group/],
    ['^(a|a)*$', /repeats a group of alternatives/],
    ['^(\\w|\\d)+$', /repeats a group of alternatives/],
    ['^(?:a|b|ab)+$', /repeats a group of alternatives/],
    ['^((a|a))*$', /repeats a group of alternatives/],
  ])('%s: FLOW_E040 naming why, in English and Chinese', (pattern, why) => {
    const r = withPattern(pattern);
    expect(r.ok).toBe(false);
    const p = r.problems.find((x) => x.code === 'FLOW_E040' && x.path.endsWith('/constraints/pattern'));
    expect(p?.message).toMatch(why);
    expect(problemMessage(p!, 'zh')).toMatch(/耗时会成倍增长/);
  });

  it.each(['^(\\+86)?1\\d{10}$', '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', '^[A-Z]{3}(-[A-Z]{3})*$', '^(\\d{3}-)?\\d{4}$', '^([A-Z]{2}\\d{2})*$', '^(?<y>\\d{4})-(?<m>\\d{2})$', '^[(|+]*$', '^\\p{L}+$', '^[^<>]*$', '^(a|ab)*c$'])('%s passes', (pattern) => {
    expect(withPattern(pattern).ok).toBe(true);
  });
});
