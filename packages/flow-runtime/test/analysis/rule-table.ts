// The bpmnlint table test: a rule must stay silent on every valid flow and
// flag every invalid one (optionally pointing at given nodes or edges).
import { expect, it } from 'vitest';
import { type Flow } from '../../src/index.js';
import { AnalysisContext, runRules, type Diagnostic, type LintRule } from '../../src/analysis-entry.js';
import { catalog } from './fixtures/catalog.js';

export interface InvalidCase {
  name: string;
  flow: Flow;
  /** Node ids the finding must point at. */
  nodeIds?: string[];
  edgeIds?: string[];
  /** The JSON pointer a finding about a variable (not a step) must carry. */
  path?: string;
  /** Words the message must contain. */
  message?: RegExp;
  /** How many findings; default at least one. */
  count?: number;
  flows?: ReadonlyMap<string, ReadonlyArray<Flow>>;
}

export interface ValidCase {
  name: string;
  flow: Flow;
  flows?: ReadonlyMap<string, ReadonlyArray<Flow>>;
}

/** Runs one rule on a flow against the test catalog. */
export function lintWith(rule: LintRule, f: Flow, flows?: ReadonlyMap<string, ReadonlyArray<Flow>>, locale: 'en' | 'zh' = 'en'): Diagnostic[] {
  return runRules(new AnalysisContext({ flow: f, catalog, flows }), [rule], { locale });
}

export function ruleTable(rule: LintRule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  for (const c of cases.valid) {
    it(`accepts: ${c.name}`, () => {
      expect(lintWith(rule, c.flow, c.flows).map((d) => d.message)).toEqual([]);
    });
  }
  for (const c of cases.invalid) {
    it(`flags: ${c.name}`, () => {
      const found = lintWith(rule, c.flow, c.flows);
      if (c.count !== undefined) expect(found).toHaveLength(c.count);
      else expect(found.length).toBeGreaterThan(0);
      for (const d of found) expect(d.rule).toBe(rule.id);
      if (c.nodeIds) expect(found.flatMap((d) => d.nodeIds)).toEqual(expect.arrayContaining(c.nodeIds));
      if (c.edgeIds) expect(found.flatMap((d) => d.edgeIds)).toEqual(expect.arrayContaining(c.edgeIds));
      if (c.message) expect(found.map((d) => d.message).join('\n')).toMatch(c.message);
      if (c.path) expect(found.map((d) => d.path)).toContain(c.path);
      // Chinese messages exist too, and are not the English ones.
      const zh = lintWith(rule, c.flow, c.flows, 'zh');
      expect(zh).toHaveLength(found.length);
      expect(zh[0]!.message).not.toBe(found[0]!.message);
    });
  }
}
