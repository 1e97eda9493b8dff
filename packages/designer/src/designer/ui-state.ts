import type { Clipboard } from '../document/commands/index.js';
import { createStateStore, type StateStore } from './state-store.js';

const EMPTY: ReadonlySet<string> = new Set();

/** Which dialog is open, if any. */
export type DialogName = 'shortcuts' | 'templates' | 'diff' | 'catalog' | 'new-flow' | 'sop' | undefined;

/** The designer's UI state, outside the document and its history. */
export interface UiState {
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  /** The control point (alert or gate) shown highlighted in the flow inspector, e.g. after clicking a problem about it. */
  selectedControl: string | undefined;
  /** The variable of the flow data shown highlighted in the flow inspector, e.g. after clicking a problem about it. */
  selectedVariable: string | undefined;
  clipboard: Clipboard | undefined;
  dialog: DialogName;
  /** Dims steps this role takes no part in ("view as role"). */
  viewAsRole: string | undefined;
  /** The bottom panel's tab. */
  bottomTab: 'problems' | 'metrics' | 'simulation';
  /** Set to ask the canvas to centre a node (clicking a problem). */
  focusRequest: { nodeId: string; at: number; zoomIn?: boolean } | undefined;
  simulating: boolean;
  /** Set to ask the canvas to fit the whole flow (after a template, an import, an auto-layout). */
  fitRequest: number;
}

/** Creates the UI state of one designer. */
export function createUiState(): StateStore<UiState> {
  return createStateStore<UiState>({
    selectedNodes: EMPTY,
    selectedEdges: EMPTY,
    selectedControl: undefined,
    selectedVariable: undefined,
    clipboard: undefined,
    dialog: undefined,
    viewAsRole: undefined,
    bottomTab: 'problems',
    focusRequest: undefined,
    simulating: false,
    fitRequest: 0,
  });
}

/** Selects exactly these nodes and edges (and no control point). */
export function select(ui: StateStore<UiState>, nodes: Iterable<string> = [], edges: Iterable<string> = []): void {
  ui.set({ selectedNodes: new Set(nodes), selectedEdges: new Set(edges), selectedControl: undefined, selectedVariable: undefined });
}

/** Selects a control point: no step or connection, so the flow inspector shows it highlighted among the flow's control points. */
export function selectControl(ui: StateStore<UiState>, id: string): void {
  ui.set({ selectedNodes: EMPTY, selectedEdges: EMPTY, selectedControl: id, selectedVariable: undefined });
}

/** Selects a variable of the flow data: no step or connection, so the flow inspector shows it highlighted in the data table. */
export function selectVariable(ui: StateStore<UiState>, name: string): void {
  ui.set({ selectedNodes: EMPTY, selectedEdges: EMPTY, selectedControl: undefined, selectedVariable: name });
}
