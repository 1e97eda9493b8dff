import type { FlowEdge, FlowNode } from '@crm/flow-runtime';
import type { Command } from '../types.js';
import { draftLayout, ensureLane } from './shared.js';

/** What Ctrl/Cmd+C keeps: steps, the connections among them, and their positions. */
export interface Clipboard {
  nodes: FlowNode[];
  edges: FlowEdge[];
  positions: Record<string, { x: number; y: number }>;
}

/**
 * Pastes copied steps with fresh ids, shifted by `offset`, together with the
 * connections between them. `onIds` receives the new ids (to select them).
 */
export function pasteElements(clip: Clipboard, offset: { x: number; y: number }, onIds?: (ids: { nodes: string[]; edges: string[] }) => void): Command {
  return {
    name: clip.nodes.length === 1 ? 'Paste step' : `Paste ${clip.nodes.length} steps`,
    recipe(flow) {
      const used = new Set<string>([...flow.nodes.map((n) => n.id), ...flow.edges.map((e) => e.id)]);
      const fresh = (stem: string) => {
        let id = `${stem}-copy`;
        for (let i = 2; used.has(id); i++) id = `${stem}-copy-${i}`;
        used.add(id);
        return id;
      };
      const map = new Map<string, string>();
      const layout = draftLayout(flow);
      for (const n of clip.nodes) {
        const id = fresh(n.id);
        map.set(n.id, id);
        const copy = structuredClone(n) as FlowNode;
        copy.id = id;
        if (copy.kind === 'task' && copy.notSameActorAs) {
          // Separation of duties stays meaningful only towards steps copied along.
          copy.notSameActorAs = copy.notSameActorAs.filter((x) => clip.nodes.some((c) => c.id === x)).map((x) => x);
          if (copy.notSameActorAs.length === 0) delete copy.notSameActorAs;
        }
        flow.nodes.push(copy);
        const p = clip.positions[n.id] ?? { x: 0, y: 0 };
        layout.nodes[id] = { x: p.x + offset.x, y: p.y + offset.y };
        ensureLane(flow, copy.department);
      }
      for (const n of flow.nodes) {
        if (n.kind === 'task' && n.notSameActorAs && [...map.values()].includes(n.id)) n.notSameActorAs = n.notSameActorAs.map((x) => map.get(x) ?? x);
      }
      const edgeIds: string[] = [];
      for (const e of clip.edges) {
        const source = map.get(e.source);
        const target = map.get(e.target);
        if (!source || !target) continue;
        const id = fresh(e.id);
        edgeIds.push(id);
        flow.edges.push({ ...structuredClone(e), id, source, target });
      }
      onIds?.({ nodes: [...map.values()], edges: edgeIds });
    },
  };
}
