// The problems panel shows what `crm-flow lint --flows` shows: the same
// findings (rule or format code, path, message, steps) for the flawed-flow
// corpus and the sample flows, in English and Chinese — sub-flow steps
// included, checked against the host's other flows.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Flow } from '@crm/flow-runtime';
import { lintFlow } from '@crm/flow-runtime/analysis';
import { checkFlow } from '../../src/validation/check-flow.js';
import { sampleCatalog } from '../fixtures/samples.js';

const flowsDir = `${resolve(__dirname, '../../../../examples/flows')}/`;
const corpusDir = `${resolve(__dirname, '../../../flow-runtime/test/analysis/corpus')}/`;
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Flow;
const samples = readdirSync(flowsDir).filter((f) => f.endsWith('.json') && f !== 'catalog.json').map((f) => read(`${flowsDir}${f}`));
const registry = new Map(samples.map((f) => [f.id, [f]]));
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.json')).sort();

const key = (d: { rule: string; code?: string; path?: string; severity: string; message: string; nodeIds: string[]; edgeIds: string[]; controlId?: string }) =>
  JSON.stringify([d.rule, d.code ?? null, d.path ?? null, d.severity, d.message, d.nodeIds, d.edgeIds, d.controlId ?? null]);

describe('the problems panel shows what lint shows', () => {
  const cases: Array<[string, Flow]> = [...corpus.map((f): [string, Flow] => [f, read(`${corpusDir}${f}`)]), ...samples.map((f): [string, Flow] => [f.id, f])];
  it.each(cases)('%s', (_name, flow) => {
    for (const locale of ['en', 'zh'] as const) {
      const panel = checkFlow(flow, sampleCatalog, locale, samples).diagnostics.filter((d) => d.rule !== 'lane-mismatch');
      const lint = lintFlow(flow, sampleCatalog, { locale, flows: registry }).diagnostics;
      expect(panel.map(key).sort()).toEqual(lint.map(key).sort());
    }
  });

  it('checks sub-flow steps against the host flows: a sub-flow that does not exist is an error on the panel too', () => {
    const flow = structuredClone(samples.find((f) => f.id === 'new-order')!);
    const step = flow.nodes.find((n) => n.kind === 'subflow')!;
    if (step.kind === 'subflow') step.flow = 'credit-limit-reveiw';
    const panel = checkFlow(flow, sampleCatalog, 'en', samples).diagnostics.filter((d) => d.severity === 'error');
    expect(panel).toEqual([expect.objectContaining({ rule: 'subflow-exists', nodeIds: [step.id] })]);
    expect(panel[0]!.message).toContain("Did you mean 'credit-limit-review'?");
  });
});
