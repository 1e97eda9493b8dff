import { useCallback, useRef, type KeyboardEvent } from 'react';
import { moveNodes, pasteElements, removeElements, type NodeMove } from '../document/commands/index.js';
import { GRID, NODE_SIZE, laneAt, laneBands } from '../document/geometry.js';
import type { DesignerContextValue } from './context.js';
import { select } from './ui-state.js';

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  // The catalog editor has its own undo history and keys.
  if (el.closest('.cfd-catalog')) return true;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.closest('[role="dialog"] .cfd-rqb, .cfd-rqb') !== null;
}

/**
 * The designer's keyboard: Delete, Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z (and Ctrl+Y),
 * Ctrl/Cmd+C and V, arrows to nudge (Shift: further; holding is one undo
 * step), Ctrl/Cmd+A, Esc (closes a dialog, else clears the selection, else
 * calls `onIdleEscape`: leaves focus mode) and `?`. Keys typed into fields are left alone.
 */
export function useShortcuts({ store, ui, catalog, editable }: DesignerContextValue, onIdleEscape?: () => void) {
  const pasteCount = useRef(0);
  // The latest callback (it changes with focus mode), read when the key comes.
  const idleEscape = useRef(onIdleEscape);
  idleEscape.current = onIdleEscape;

  const onKeyDownCapture = useCallback(
    (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const { selectedNodes, selectedEdges } = ui.get();
      const flow = store.getSnapshot().flow;
      const handled = () => {
        e.preventDefault();
        e.stopPropagation();
      };

      if (key === 'Escape') {
        if (ui.get().dialog) ui.set({ dialog: undefined });
        else if (selectedNodes.size > 0 || selectedEdges.size > 0 || ui.get().selectedControl !== undefined || ui.get().selectedVariable !== undefined) select(ui);
        // Nothing left to close or clear: leave focus mode (the host's page comes back).
        else if (idleEscape.current) idleEscape.current();
        else return;
        return handled();
      }
      if (key === '?' || (key === '/' && e.shiftKey)) {
        ui.set({ dialog: 'shortcuts' });
        return handled();
      }
      if (mod && key === 'a') {
        select(ui, flow.nodes.map((n) => n.id), flow.edges.map((x) => x.id));
        return handled();
      }
      if (mod && key === 'c' && selectedNodes.size > 0) {
        const nodes = flow.nodes.filter((n) => selectedNodes.has(n.id));
        const edges = flow.edges.filter((x) => selectedNodes.has(x.source) && selectedNodes.has(x.target));
        const positions = Object.fromEntries(nodes.map((n) => [n.id, flow.layout?.nodes?.[n.id] ?? { x: 0, y: 0 }]));
        ui.set({ clipboard: { nodes, edges, positions } });
        pasteCount.current = 0;
        return handled();
      }
      if (!editable) return;
      if (mod && key === 'z') {
        if (e.shiftKey) store.redo();
        else store.undo();
        return handled();
      }
      if (mod && key === 'y') {
        store.redo();
        return handled();
      }
      if (mod && key === 'v') {
        const clip = ui.get().clipboard;
        if (!clip) return;
        pasteCount.current += 1;
        const d = 40 * pasteCount.current;
        let ids: { nodes: string[]; edges: string[] } | undefined;
        store.run(pasteElements(clip, { x: d, y: d }, (x) => (ids = x)));
        if (ids) select(ui, ids.nodes, ids.edges);
        return handled();
      }
      if ((key === 'Delete' || key === 'Backspace') && (selectedNodes.size > 0 || selectedEdges.size > 0)) {
        store.run(removeElements({ nodeIds: [...selectedNodes], edgeIds: [...selectedEdges] }));
        select(ui);
        // The deleted step may hold the focus and is about to leave the page: keep the focus in the designer so Ctrl+Z works next.
        (e.currentTarget as HTMLElement).focus({ preventScroll: true });
        return handled();
      }
      const arrow = ARROWS[key];
      if (arrow && selectedNodes.size > 0 && !mod) {
        const step = e.shiftKey ? GRID * 5 : GRID;
        const bands = laneBands(flow, catalog);
        const moves: Record<string, NodeMove> = {};
        for (const n of flow.nodes) {
          if (!selectedNodes.has(n.id)) continue;
          const p = flow.layout?.nodes?.[n.id] ?? { x: 0, y: 0 };
          const next = { x: p.x + arrow[0] * step, y: p.y + arrow[1] * step };
          moves[n.id] = { ...next, department: laneAt(bands, next.y + NODE_SIZE[n.kind].height / 2)?.department ?? null };
        }
        store.run(moveNodes(moves), { capture: 'eventually', key: 'nudge' });
        return handled();
      }
    },
    [store, ui, catalog, editable],
  );

  const onKeyUpCapture = useCallback(
    (e: KeyboardEvent) => {
      if (ARROWS[e.key]) store.flush();
    },
    [store],
  );

  return { onKeyDownCapture, onKeyUpCapture };
}
