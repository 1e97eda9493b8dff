import type { Flow, LocalizedText } from '@crm/flow-runtime';
import type { Locale } from '../i18n/index.js';

/**
 * Rewrites a problem message for a key user: "Node 'task-2'" becomes
 * `Step “Check the order”`, "Edge 'e3'" the connection between its steps'
 * names, and any other quoted step id the step's name, in the UI language.
 * Ids the flow does not have (a missing target, a department) stay as written.
 */
export function readableMessage(message: string, flow: Flow, locale: Locale): string {
  const pick = (v: LocalizedText | undefined, fallback: string) => (v ? (locale === 'zh' ? (v.zh ?? v.en) : v.en) || fallback : fallback);
  const nodes = new Map(flow.nodes.map((n) => [n.id, pick(n.name as LocalizedText | undefined, n.id)]));
  const edges = new Map(flow.edges.map((e) => [e.id, `${nodes.get(e.source) ?? e.source} → ${nodes.get(e.target) ?? e.target}`]));
  const step = locale === 'zh' ? (name: string) => `步骤“${name}”` : (name: string) => `Step “${name}”`;
  const edge = locale === 'zh' ? (name: string) => `连线“${name}”` : (name: string) => `Connection “${name}”`;
  return message
    .replace(/\b([Nn])ode '([^']+)'/g, (all, n: string, id: string) => {
      const name = nodes.get(id);
      if (name === undefined) return all;
      const said = step(name);
      return n === 'n' && locale !== 'zh' ? `s${said.slice(1)}` : said;
    })
    .replace(/\b[Ee]dge '([^']+)'/g, (all, id: string) => (edges.has(id) ? edge(edges.get(id)!) : all))
    .replace(/'([^']+)'/g, (all, id: string) => (nodes.has(id) ? `“${nodes.get(id)!}”` : all));
}
