// What each public entry carries: the root runs flows (format, evaluator,
// engine with its deploy check, stores) and bundles none of the authoring
// tools; `@crm/flow-runtime/analysis` has them (lint, SOP, compare, change
// control) and works with flows parsed by the root.
import { describe, expect, it } from 'vitest';
import * as root from '../../src/index.js';
import * as analysis from '../../src/analysis-entry.js';
import { bundleSize } from '../../scripts/size.js';
import { loadCatalog, loadFlow } from '../examples/load-examples.js';

const catalog = loadCatalog();

describe('the root entry and @crm/flow-runtime/analysis', () => {
  it('the root has the runtime API and not the authoring tools; the analysis entry has them', () => {
    for (const name of ['parseFlow', 'parseCatalog', 'evaluate', 'describe', 'createEngine', 'createMemoryStore', 'formatEngineText', 'analysisDeployCheck', 'DEPLOY_BLOCKING_RULES']) expect(root).toHaveProperty(name);
    for (const name of ['validate', 'lintFlow', 'RULES', 'PROBLEM_HINTS', 'toSop', 'compareFlows', 'createChangeControl', 'changeLogMarkdown', 'testScenarios', 'computeMetrics']) {
      expect(analysis).toHaveProperty(name);
      expect(root).not.toHaveProperty(name);
    }
    // The analysis entry adds to the root; it does not repeat it.
    expect(Object.keys(analysis).filter((k) => k in root)).toEqual([]);
  });

  it('a flow parsed at the root is linted, described as an SOP and compared through the analysis entry', () => {
    const flow = loadFlow('new-order', catalog);
    const result = analysis.validate(flow, catalog);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(analysis.toSop(flow, catalog, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    expect(analysis.compareFlows(flow, flow, { catalog }).changes).toEqual([]);
  });

  it('the root bundle carries only the deploy-blocking rules, no linter, SOP, compare or change control (only its texts)', async () => {
    const { modules } = await bundleSize({ entry: 'src/index.ts' });
    const bundled = Object.keys(modules).filter((m) => (modules[m] ?? 0) > 0);
    expect(bundled.filter((m) => /^src\/(sop|compare)\/|^src\/changes\/(?!texts|types)|^src\/analysis\/(linter|problem-hints|simulate|metrics|config)/.test(m))).toEqual([]);
    const rules = bundled.filter((m) => m.startsWith('src/analysis/rules/')).map((m) => m.slice('src/analysis/rules/'.length, -'.ts'.length));
    expect(rules.sort()).toEqual([...root.DEPLOY_BLOCKING_RULES].sort());
  }, 30_000);
});
