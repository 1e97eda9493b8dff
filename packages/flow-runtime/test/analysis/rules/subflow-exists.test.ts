import { describe } from 'vitest';
import { subflowExists } from '../../../src/analysis/rules/subflow-exists.js';
import type { Flow } from '../../../src/index.js';
import { chain, end, flow, start, subflow } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

const child: Flow = { ...flow([start(), end()], chain('start', 'end')), id: 'credit-limit-review', version: 2 };
const registry = new Map([['credit-limit-review', [{ ...child, version: 1 }, child]]]);
const parent = (node: ReturnType<typeof subflow>) => flow([start(), node, end()], chain('start', node.id, 'end'));

describe('subflow-exists', () => {
  ruleTable(subflowExists, {
    valid: [
      { name: 'an existing flow, latest version', flow: parent(subflow('review', 'credit-limit-review', { input: { customer: { var: 'customer' } } })), flows: registry },
      { name: 'a pinned version that exists', flow: parent(subflow('review', 'credit-limit-review', { version: 1, output: { 'customer.creditLimit': { var: 'customer.creditLimit' } } })), flows: registry },
      { name: 'no registry given: nothing to check against', flow: parent(subflow('review', 'anything')) },
    ],
    invalid: [
      { name: 'a flow that does not exist', flow: parent(subflow('review', 'credit-review')), flows: registry, message: /credit-review/ },
      { name: 'a misspelt flow, with the flow it nearly names', flow: parent(subflow('review', 'credit-limit-reveiw')), flows: registry, message: /runs flow 'credit-limit-reveiw', which does not exist\. Did you mean 'credit-limit-review'\?/ },
      { name: 'a version that does not exist', flow: parent(subflow('review', 'credit-limit-review', { version: 7 })), flows: registry, message: /version 7/ },
      { name: 'runs itself', flow: parent(subflow('again', 'test-flow')), nodeIds: ['again'] },
      { name: 'input to a variable the child lacks', flow: parent(subflow('review', 'credit-limit-review', { input: { client: { var: 'customer' } } })), flows: registry, message: /client/ },
      { name: 'output from a variable the child lacks', flow: parent(subflow('review', 'credit-limit-review', { output: { score: { var: 'rating.value' } } })), flows: registry, message: /rating/ },
    ],
  });
});
