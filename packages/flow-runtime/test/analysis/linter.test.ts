import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnalysisContext, RULES, recommended, runRules, validate, type LintRule } from '../../src/analysis-entry.js';
import { catalog } from './fixtures/catalog.js';
import { chain, end, flow, orderFlow, start, task } from './fixtures/build.js';
import { PACKAGE_DIR } from '../paths.js';
import type { Flow } from '../../src/index.js';

// The fixtures' shared data holds variables most flows never use (no-unused-variables): keep only the order.
const lean = (f: Flow): Flow => ({ ...f, data: { order: f.data.order! } });

describe('validate()', () => {
  it('finds nothing in a clean flow and still returns its metrics', () => {
    const { diagnostics, metrics } = validate(lean(orderFlow()), catalog);
    expect(diagnostics).toEqual([]);
    expect(metrics.steps).toBe(3);
  });

  it('reports every finding with rule, severity, message, nodes, edges and hint', () => {
    const draft = lean(flow([start(), task('a', { department: undefined, roles: undefined }), end()], chain('start', 'a', 'end')));
    const { diagnostics } = validate(draft, catalog);
    expect(diagnostics.map((d) => d.rule).sort()).toEqual(['task-has-department', 'task-has-roles']);
    for (const d of diagnostics) {
      expect(d).toEqual({ rule: expect.any(String), severity: 'error', message: expect.stringContaining("'A' (a)"), nodeIds: ['a'], edgeIds: [], hint: expect.any(String) });
      expect(d.hint.length).toBeGreaterThan(10);
    }
  });

  it('takes severities from the config, not from the rules', () => {
    const draft = lean(flow([start(), task('a', { department: undefined }), end()], chain('start', 'a', 'end')));
    expect(validate(draft, catalog).diagnostics[0]!.severity).toBe('error');
    expect(validate(draft, catalog, { rules: { 'task-has-department': 'warning' } }).diagnostics[0]!.severity).toBe('warning');
    expect(validate(draft, catalog, { rules: { 'task-has-department': 'off' } }).diagnostics).toEqual([]);
  });

  it('turns a crashing rule into a rule-error diagnostic and runs the other rules', () => {
    const broken: LintRule = {
      id: 'broken',
      doc: 'always crashes',
      check() {
        throw new TypeError('cannot read x of undefined');
      },
    };
    const draft = flow([start(), task('a', { roles: [] }), end()], chain('start', 'a', 'end'));
    const out = runRules(new AnalysisContext({ flow: draft, catalog, flows: undefined }), [broken, ...RULES]);
    expect(out[0]).toMatchObject({ rule: 'rule-error', severity: 'error', message: expect.stringContaining("Rule 'broken' failed") });
    expect(out.some((d) => d.rule === 'task-has-roles')).toBe(true);
  });

  it('speaks Chinese when asked', () => {
    const draft = flow([start(), task('a', { roles: [] }), end()], chain('start', 'a', 'end'));
    const [d] = validate(draft, catalog, { locale: 'zh' }).diagnostics;
    expect(d!.message).toContain('没有指定角色');
    expect(d!.hint).toContain('角色');
  });

  it('lints a flow without a catalog, skipping only the catalog checks', () => {
    const { diagnostics } = validate(lean(orderFlow()), undefined);
    expect(diagnostics).toEqual([]);
  });
});

describe('the rule set', () => {
  it('has unique ids, a one-line doc, a recommended severity, a table test and a line in the docs for every rule', () => {
    const docs = readFileSync(`${PACKAGE_DIR}docs/analysis.md`, 'utf8');
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.doc).toMatch(/^[A-Z].{20,200}[.)]$/);
      expect(rule.doc).not.toContain('\n');
      expect(recommended[rule.id]).toMatch(/^(error|warning|info)$/);
      expect(existsSync(`${PACKAGE_DIR}src/analysis/rules/${rule.id}.ts`)).toBe(true);
      expect(existsSync(`${PACKAGE_DIR}test/analysis/rules/${rule.id}.test.ts`)).toBe(true);
      expect(docs).toContain(`\`${rule.id}\``);
    }
    expect(Object.keys(recommended).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('covers every rule the issue names', () => {
    const named = ['single-start', 'end-reachable', 'no-unreachable', 'no-dead-end', 'decision-has-default', 'decision-branches-labelled', 'no-implicit-split', 'parallel-join-balanced', 'join-after-exclusive', 'mandatory-not-bypassed', 'task-has-department', 'task-has-roles', 'roles-can-use-window', 'guard-vars-known', 'guard-types', 'branch-never-taken', 'uncovered-values', 'wait-without-exit', 'alert-has-recipient', 'subflow-exists', 'label-required', 'duplicate-labels', 'join-matches-split', 'wait-data-never-written', 'condition-never-true', 'guard-on-only-exit', 'unguarded-branch-first', 'no-duplicate-edges', 'superfluous-decision', 'no-unused-variables', 'no-unused-controls', 'separation-of-duties-order', 'decision-single-default'];
    expect(RULES.map((r) => r.id)).toEqual(expect.arrayContaining(named));
  });
});
