import type { Flow } from '@crm/flow-runtime';

/**
 * What makes two flows the same process: the steps (by id, with everything
 * that affects execution and the key user's reading: kind, names,
 * department, roles, window, mandatory, SLA, separation of duties, question,
 * outcome, assignments, alerts, notes) and the connections (by source and
 * target, with guard, default, label and record link), and the data schema's
 * types. Layout, connection ids, descriptions and display names of variables
 * do not matter.
 */
export function processOf(flow: Flow) {
  const nodes = [...flow.nodes]
    .map((n) => {
      const { description: _d, ...rest } = n;
      return rest;
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const edges = flow.edges
    .map(({ id: _id, ...rest }) => rest)
    .sort((a, b) => `${a.source}>${a.target}`.localeCompare(`${b.source}>${b.target}`));
  const data = Object.fromEntries(Object.entries(flow.data).map(([k, v]) => [k, { type: v.type, ...(v.entity ? { entity: v.entity } : {}) }]));
  return { id: flow.id, name: flow.name, data, nodes, edges, controls: flow.controls ?? [] };
}
