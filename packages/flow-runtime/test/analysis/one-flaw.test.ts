// One flaw, one finding: the disagreements the agreement property tests
// found, each as a table row — the edit, the one error lint must give (rule
// or format code, and what it points at), and, where the engine would refuse
// or stop the flow, that it does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine, createMemoryStore, isEngineError, parseCatalogOrThrow, type Catalog, type Flow } from '../../src/index.js';
import { lintFlow } from '../../src/analysis-entry.js';
import { EXAMPLES_DIR } from '../paths.js';
import { catalog as testCatalog } from './fixtures/catalog.js';
import { cleanFlows } from './fixtures/clean-flows.js';
import type { J } from './agreement/mutations.js';

const sampleCatalog = parseCatalogOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}catalog.json`, 'utf8')));
const sample = (id: string): J => JSON.parse(readFileSync(`${EXAMPLES_DIR}${id}.json`, 'utf8')) as J;
const registry = new Map<string, Flow[]>(['rework-order', 'credit-limit-review', 'new-order', 'quotation', 'new-customer-approval', 'prepaid-order'].map((id) => [id, [sample(id) as Flow]]));
const clean = (name: string): J => structuredClone(cleanFlows.find(([n]) => n === name)![1]) as J;
const node = (f: J, id: string): J => f.nodes.find((n: J) => n.id === id);
const edge = (f: J, id: string): J => f.edges.find((e: J) => e.id === id);

interface Row {
  name: string;
  catalog: Catalog;
  make: () => J;
  /** The one error: rule or format code, and the steps it must point at (among others). */
  rule: string;
  /** A second error, where the edit makes a second, distinct flaw. */
  also?: string[];
  nodeIds?: string[];
  message?: RegExp;
  /** The engine (root entry, with the deploy check) refuses it. */
  refused?: boolean;
  /** Lint without the sample flows as sub-flows (the flow calls one of the test catalog's own). */
  alone?: true;
}

const rows: Row[] = [
  {
    name: 'a decision branch drawn twice: a repeat, not also a branch never taken',
    catalog: sampleCatalog,
    make: () => {
      const f = sample('complaint-handling');
      f.edges.push({ ...edge(f, 'remedy-to-rework'), id: 'remedy-to-rework-again' });
      return f;
    },
    rule: 'no-duplicate-edges',
    nodeIds: ['remedy', 'rework'],
  },
  {
    name: 'a catch-all branch drawn twice: a repeat, not also a catch-all listed first',
    catalog: testCatalog,
    make: () => {
      const f = clean('a catch-all branch listed last');
      f.edges.push({ ...edge(f, 'd-b'), id: 'd-b-again' });
      return f;
    },
    rule: 'no-duplicate-edges',
  },
  {
    name: 'a connection dropped before a run of steps: one finding for the part cut off, pointing at all of it',
    catalog: sampleCatalog,
    make: () => {
      const f = sample('credit-limit-review');
      edge(f, 'prepare-request-to-request-limit').target = 'end-rejected';
      return f;
    },
    rule: 'no-unreachable',
    nodeIds: ['request-limit', 'review-history', 'route', 'approve-limit', 'manager-decision', 'set-limit', 'end-approved', 'notify-rejected'],
    message: /'Request a new limit' \(request-limit\) cannot be reached from the start, so it never runs, nor do the 7 steps after it/,
  },
  {
    name: 'a copy of a task drawn with no way in: unreachable, not also its required fields never filled',
    catalog: sampleCatalog,
    make: () => {
      const f = sample('rework-order');
      f.nodes.push({ ...node(f, 'request-rework'), id: 'request-rework-2', name: { en: 'Request rework again', zh: '再次申请返工' } });
      f.edges.push({ id: 'request-rework-2-on', source: 'request-rework-2', target: edge(f, 'request-rework-to-our-fault')?.target ?? 'our-fault' });
      return f;
    },
    rule: 'no-unreachable',
    nodeIds: ['request-rework-2'],
  },
  {
    name: 'a system step assigning a misspelt field: FLOW_E026, not also the field never filled for the next task',
    catalog: sampleCatalog,
    make: () => {
      const f = sample('rework-order');
      const a = node(f, 'link-rework').assign.find((x: J) => x.target === 'order.originalOrder');
      a.target = 'order.originlOrder';
      return f;
    },
    rule: 'FLOW_E026',
    message: /Did you mean 'order.originalOrder'\?/,
    refused: true,
  },
  {
    name: 'a system step assigning a misspelt variable a wait reads: the format problem, not also a wait nobody ends',
    catalog: testCatalog,
    make: () => {
      const f = clean('a wait on data an automatic step writes');
      node(f, 'flag').assign[0].target = 'urgnt';
      return f;
    },
    rule: 'FLOW_E027',
    refused: true,
  },
  {
    name: 'a record binding removed where the flow has two order records: FLOW_E028, not also the window fields',
    catalog: sampleCatalog,
    make: () => {
      const f = sample('rework-order');
      delete node(f, 'request-rework').record;
      return f;
    },
    rule: 'FLOW_E028',
    refused: true,
  },
  {
    name: "a sub-flow output reading a misspelt field of the child's record",
    catalog: sampleCatalog,
    make: () => {
      const f = sample('complaint-handling');
      node(f, 'rework').output['complaint.reworkOrder'] = { var: 'order.originlOrder' };
      return f;
    },
    rule: 'subflow-exists',
    nodeIds: ['rework'],
    message: /'order.originlOrder' of flow 'rework-order'.*Did you mean 'order.originalOrder'\?/,
  },
  {
    name: 'a decision branch drawn back to the decision itself: a loop that never stops',
    catalog: sampleCatalog,
    make: () => {
      const f = sample('credit-limit-review');
      // notify-rejected is still reached through the manager's decision, so nothing is cut off.
      edge(f, 'route-to-notify-rejected').target = 'route';
      return f;
    },
    rule: 'no-automatic-loop',
    nodeIds: ['route'],
    refused: true,
  },
  {
    name: 'a branch into a join drawn to the end instead: the split never meets, said once (not also a join with one way in)',
    catalog: testCatalog,
    make: () => {
      const f = clean('a parallel split inside a loop');
      edge(f, 'a-j').target = 'end';
      return f;
    },
    rule: 'parallel-join-balanced',
    nodeIds: ['p', 'j'],
    message: /only 1 of its 2 branches come to join 'J'/,
    refused: true,
  },
  {
    name: 'a branch of an inner split drawn past its join: the inner split only, not also the outer one',
    catalog: testCatalog,
    make: () => {
      const f = clean('nested parallel splits');
      edge(f, 'a-qj').target = 'end';
      return f;
    },
    rule: 'parallel-join-balanced',
    nodeIds: ['q', 'qj'],
    refused: true,
  },
  {
    name: 'the way out of a join dropped: the join goes nowhere and the end is cut off (two flaws), not also branches that never come to the join',
    catalog: testCatalog,
    make: () => {
      const f = clean('answers inside a branch meeting at a step before the join');
      f.edges = f.edges.filter((e: J) => e.id !== 'j-end');
      return f;
    },
    rule: 'no-unreachable',
    also: ['no-dead-end'],
    nodeIds: ['end'],
    refused: true,
  },
  {
    name: 'a split left with one branch: the split, naming the join, not also a join after alternatives',
    catalog: testCatalog,
    make: () => {
      const f = clean('a decision before a split sending one answer straight to the join');
      f.edges = f.edges.filter((e: J) => e.id !== 'p-a');
      f.nodes = f.nodes.filter((n: J) => n.id !== 'a');
      f.edges = f.edges.filter((e: J) => e.id !== 'a-j');
      return f;
    },
    rule: 'parallel-join-balanced',
    nodeIds: ['p', 'j'],
    message: /only one branch/,
    refused: true,
  },
  {
    name: 'a decision branch drawn to a misspelt step: FLOW_E021 only, not also a decision missing a branch',
    catalog: testCatalog,
    make: () => {
      const f = clean('a loop back through a decision with a counter: three tries, then give up');
      edge(f, 'approved-again').target = 'agin';
      return f;
    },
    rule: 'FLOW_E021',
    message: /Did you mean 'again'\?/,
    refused: true,
  },
  {
    name: 'a connection to a misspelt step equally near two names (ed: end or d): FLOW_E021 only, neither step cut off',
    catalog: testCatalog,
    make: () => {
      const f = clean('a decision before a split sending one answer straight to the join');
      edge(f, 'j-end').target = 'ed';
      return f;
    },
    rule: 'FLOW_E021',
    refused: true,
  },
  {
    name: 'a misspelt connection before the step a separation-of-duties rule names: FLOW_E021 only',
    catalog: sampleCatalog,
    make: () => {
      const f = sample('sample-order');
      edge(f, 'request-sample-to-value-sample').target = 'value-ample';
      return f;
    },
    rule: 'FLOW_E021',
    refused: true,
  },
  {
    name: 'a second start that skips a mandatory step: single-start only',
    catalog: sampleCatalog,
    make: () => {
      const f = sample('complaint-handling');
      f.nodes.push({ id: 'phone-start', kind: 'start', name: { en: 'Phone complaint', zh: '电话投诉' } });
      f.edges.push({ id: 'phone-start-to-investigate', source: 'phone-start', target: 'investigate' });
      return f;
    },
    rule: 'single-start',
    nodeIds: ['start', 'phone-start'],
  },
  {
    name: 'a connection drawn out of an end: edge-ends-valid only (nothing leaves an end, so it makes no loop and moves no join)',
    catalog: testCatalog,
    make: () => {
      const f = clean('nested parallel splits');
      f.edges.push({ id: 'end-to-a', source: 'end', target: 'a' });
      return f;
    },
    rule: 'edge-ends-valid',
    nodeIds: ['end'],
  },
  {
    name: 'the start drawn past the system step that fills two required fields: one finding naming both fields (and the step cut off)',
    catalog: sampleCatalog,
    make: () => {
      const f = sample('rework-order');
      edge(f, 'start-to-link-rework').target = 'request-rework';
      return f;
    },
    rule: 'roles-can-use-window',
    also: ['no-unreachable'],
    nodeIds: ['request-rework'],
    message: /requires fields 'originalOrder', 'complaint'/,
  },
  {
    name: 'a loop back through two nested splits: said once, not once per split nor as an automatic loop (plus the inner join left with one way in)',
    catalog: testCatalog,
    make: () => {
      const f = clean('nested parallel splits');
      edge(f, 'a-qj').target = 'p';
      return f;
    },
    // the loop back (once, not once per split) and the inner join left with one way in
    rule: 'parallel-join-balanced',
    also: ['parallel-join-balanced'],
  },
  {
    name: 'a decision after a join drawn back into the join: the loop into the join, said once (not also an automatic loop), and the step cut off',
    catalog: testCatalog,
    make: () => {
      const f = clean('a sub-flow inside a parallel branch');
      edge(f, 'granted-release').target = 'j';
      return f;
    },
    rule: 'join-after-exclusive',
    also: ['no-unreachable'],
    nodeIds: ['j'],
    message: /A loop comes back into join/,
    alone: true,
  },
];

const ADMIN = { id: 'admin', name: 'Admin', roles: ['admin'] };

describe('one flaw, one finding: what the agreement property tests found', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const f = row.make();
    const flows = row.alone ? {} : { flows: registry };
    const r = lintFlow(f, row.catalog, flows);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.rule}: ${d.message}`)).toHaveLength(1 + (row.also?.length ?? 0));
    expect(errors.map((d) => d.rule).sort()).toEqual([row.rule, ...(row.also ?? [])].sort());
    const d = errors.find((x) => x.rule === row.rule);
    expect(d!.rule).toBe(row.rule);
    if (row.nodeIds) expect(d!.nodeIds).toEqual(expect.arrayContaining(row.nodeIds));
    if (row.message) expect(d!.message).toMatch(row.message);
    // The same single finding in Chinese, not the English words.
    const zh = lintFlow(f, row.catalog, { ...flows, locale: 'zh' }).diagnostics.filter((x) => x.severity === 'error');
    expect(zh.map((x) => x.rule).sort()).toEqual([row.rule, ...(row.also ?? [])].sort());
    if (row.refused !== undefined) {
      const engine = createEngine({ store: createMemoryStore(), catalog: row.catalog });
      const refusal = await engine.deploy(f as Flow, { actor: ADMIN }).then(
        () => undefined,
        (e: unknown) => (isEngineError(e) ? e.code : String(e)),
      );
      expect(refusal).toMatch(/INVALID_FLOW|UNSAFE_FLOW/);
    }
  });
});
