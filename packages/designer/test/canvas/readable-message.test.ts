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

  it('drops the id a runtime message puts after a name, in English and in Chinese', () => {
    const e = { ...edge, label: { en: 'Approve', zh: '批准' } };
    const f = { ...flow, edges: [e, ...flow.edges.slice(1)] };
    const en = readableMessage(`Branch 'Approve' (${e.id}) of decision '${nameOf(step.id)}' (${step.id}) is never taken.`, f, 'en');
    expect(en).toBe(`Branch “Approve” of decision “${nameOf(step.id)}” is never taken.`);
    const zh = readableMessage(`判断“${nameOf(step.id, true)}”（${step.id}）的分支“批准”（${e.id}）永远不会被选中。`, f, 'zh');
    expect(zh).toBe(`判断“${nameOf(step.id, true)}”的分支“批准”永远不会被选中。`);
  });

  it('names an unlabelled branch by the steps it joins, in Chinese quotes too', () => {
    const names = `${nameOf(edge.source, true)} → ${nameOf(edge.target, true)}`;
    const zh = readableMessage(`判断的分支“${edge.id}”没有条件又不是默认分支，因此所有案例都走它：“${edge.id}”永远不会被选中。`, flow, 'zh');
    expect(zh).toBe(`判断的分支“${names}”没有条件又不是默认分支，因此所有案例都走它：“${names}”永远不会被选中。`);
    expect(readableMessage(`Branch '${edge.id}' has no condition.`, flow, 'en')).toBe(`Branch “${nameOf(edge.source)} → ${nameOf(edge.target)}” has no condition.`);
    // a name put in is not read again as an id
    expect(readableMessage(`“${step.id}”`, { ...flow, nodes: flow.nodes.map((n) => (n.id === step.id ? { ...n, name: { en: edge.id, zh: edge.id } } : n)) }, 'zh')).toBe(`“${edge.id}”`);
  });

  it('keeps a name with an id the flow does not know as written (a window, a role)', () => {
    expect(readableMessage("Window 'Customer info' (customer-infoo) is not in the catalog.", flow, 'en')).toBe("Window 'Customer info' (customer-infoo) is not in the catalog.");
  });
});
