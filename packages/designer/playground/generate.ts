import type { Catalog, Flow, FlowNode } from '@crm/flow-runtime';

const EXTRA = [
  { id: 'legal', name: { en: 'Legal', zh: '法务部' }, color: '#be185d' },
  { id: 'it', name: { en: 'IT', zh: '信息部' }, color: '#0891b2' },
  { id: 'hr', name: { en: 'HR', zh: '人事部' }, color: '#65a30d' },
  { id: 'quality', name: { en: 'Quality', zh: '质量部' }, color: '#9333ea' },
];

/**
 * A large synthetic flow for the browser bench: `n` steps in eight lanes
 * (departments added to the catalog when it has fewer), a long chain with a
 * decision every tenth step, laid out in columns of eight.
 */
export function generateFlow(n: number, base: Catalog): { flow: Flow; catalog: Catalog } {
  const departments = [...base.departments, ...EXTRA.filter((d) => !base.departments.some((b) => b.id === d.id))].slice(0, 8);
  const catalog: Catalog = { ...base, departments };
  const laneSize = 160;
  const roles = catalog.roles.map((r) => r.id);
  const nodes: FlowNode[] = [];
  const edges: Flow['edges'] = [];
  const positions: Record<string, { x: number; y: number }> = {};
  for (let i = 0; i < n; i++) {
    const id = i === 0 ? 'start' : i === n - 1 ? 'end' : `step-${i}`;
    const lane = i % departments.length;
    const kind: FlowNode['kind'] = i === 0 ? 'start' : i === n - 1 ? 'end' : i % 10 === 5 ? 'decision' : i % 10 === 7 ? 'system' : 'task';
    const common = { id, name: { en: `Step ${i}`, zh: `步骤 ${i}` }, department: departments[lane]!.id };
    nodes.push(kind === 'task' ? { ...common, kind, roles: [roles[i % roles.length]!] } : ({ ...common, kind } as FlowNode));
    positions[id] = { x: 80 + Math.floor(i / departments.length) * 240, y: lane * laneSize + 40 };
    if (i > 0) edges.push({ id: `e${i}`, source: nodes[i - 1]!.id, target: id });
  }
  const flow: Flow = {
    id: 'generated',
    version: 1,
    name: { en: `Generated flow (${n} steps)`, zh: `生成的流程（${n} 步）` },
    data: { approved: { type: 'boolean' } },
    nodes,
    edges,
    layout: { lanes: departments.map((d) => ({ department: d.id, size: laneSize })), nodes: positions },
  };
  return { flow, catalog };
}
