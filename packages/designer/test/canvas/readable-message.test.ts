import { describe, expect, it } from 'vitest';
import { readableMessage } from '../../src/validation/readable.js';
import { newCustomerApproval } from '../fixtures/samples.js';

describe('readableMessage', () => {
  const flow = newCustomerApproval();
  const step = flow.nodes.find((n) => n.kind === 'task')!;
  const edge = flow.edges[0]!;
  const nameOf = (id: string, zh = false) => {
    const n = flow.nodes.find((x) => x.id === id)!.name as { en: string; zh?: string };
    return zh ? (n.zh ?? n.en) : n.en;
  };

  it("names the step instead of \"Node 'id'\", in English and Chinese", () => {
    const en = readableMessage(`Node '${step.id}' has no way out.`, flow, 'en');
    expect(en).toBe(`Step “${nameOf(step.id)}” has no way out.`);
    const zh = readableMessage(`Node '${step.id}' has no way out.`, flow, 'zh');
    expect(zh).toContain(`步骤“${nameOf(step.id, true)}”`);
    expect(zh).not.toContain(step.id);
  });

  it('names a connection by the steps it joins and any other quoted step id by its name', () => {
    const text = readableMessage(`Edge '${edge.id}' goes to node '${edge.target}'.`, flow, 'en');
    expect(text).toBe(`Connection “${nameOf(edge.source)} → ${nameOf(edge.target)}” goes to step “${nameOf(edge.target)}”.`);
    expect(readableMessage(`Give '${step.id}' a role.`, flow, 'en')).toBe(`Give “${nameOf(step.id)}” a role.`);
  });

  it('keeps ids the flow does not have as written', () => {
    expect(readableMessage("Edge 'e9' goes to node 'ship', which does not exist.", flow, 'en')).toBe("Edge 'e9' goes to node 'ship', which does not exist.");
  });
});
