import type { Flow, LocalizedText } from '@crm/flow-runtime';
import type { Locale } from '../i18n/index.js';

/**
 * Rewrites a problem message for a key user, in the UI language: "Node 'task-2'"
 * becomes `Step “Check the order”`, "Edge 'e3'" the connection between its
 * steps' names, and any other quoted step or connection id (`'task-2'`,
 * `“e3”`) its name. A thing the message names with its id after it —
 * `'Credit check' (task-2)`, `“信用检查”（task-2）` — keeps the name only.
 * Ids the flow does not have (a missing target, a department) stay as written.
 */
export function readableMessage(message: string, flow: Flow, locale: Locale): string {
  const pick = (v: LocalizedText | undefined, fallback: string) => (v ? (locale === 'zh' ? (v.zh ?? v.en) : v.en) || fallback : fallback);
  const nodes = new Map(flow.nodes.map((n) => [n.id, pick(n.name as LocalizedText | undefined, n.id)]));
  const edges = new Map(flow.edges.map((e) => [e.id, `${nodes.get(e.source) ?? e.source} → ${nodes.get(e.target) ?? e.target}`]));
  const named = new Set<string>([...nodes.keys(), ...edges.keys(), ...(flow.controls ?? []).map((c) => c.id)]);
  const step = locale === 'zh' ? (name: string) => `步骤“${name}”` : (name: string) => `Step “${name}”`;
  const edge = locale === 'zh' ? (name: string) => `连线“${name}”` : (name: string) => `Connection “${name}”`;
  const nameOf = (id: string) => nodes.get(id) ?? edges.get(id);
  // One pass, so a name put in is never read again as an id.
  return message.replace(
    /\b([Nn])ode '([^']+)'|\b[Ee]dge '([^']+)'|'([^']*)' \(([^()\s]+)\)|“([^”]*)”（([^（）\s]+)）|'([^']+)'|“([^”]+)”/g,
    (all, n: string | undefined, nodeId: string | undefined, edgeId: string | undefined, enName: string | undefined, enId: string | undefined, zhName: string | undefined, zhId: string | undefined, enQuoted: string | undefined, zhQuoted: string | undefined) => {
      if (nodeId !== undefined) {
        const name = nodes.get(nodeId);
        if (name === undefined) return all;
        const said = step(name);
        return n === 'n' && locale !== 'zh' ? `s${said.slice(1)}` : said;
      }
      if (edgeId !== undefined) return edges.has(edgeId) ? edge(edges.get(edgeId)!) : all;
      if (enId !== undefined) return named.has(enId) && enName ? `“${enName}”` : all;
      if (zhId !== undefined) return named.has(zhId) && zhName ? `“${zhName}”` : all;
      const id = enQuoted ?? zhQuoted!;
      const name = nameOf(id);
      return name === undefined ? all : `“${name}”`;
    },
  );
}
