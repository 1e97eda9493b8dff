import type { Clipboard } from '../document/commands/index.js';
import { createStateStore, type StateStore } from './state-store.js';

const EMPTY: ReadonlySet<string> = new Set();

/** Which dialog is open, if any. */
export type DialogName = 'shortcuts' | 'templates' | 'diff' | 'catalog' | 'new-flow' | undefined;

/** The designer's UI state, outside the document and its history. */
export interface UiState {
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
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
    clipboard: undefined,
    dialog: undefined,
    viewAsRole: undefined,
    bottomTab: 'problems',
    focusRequest: undefined,
    simulating: false,
    fitRequest: 0,
  });
}

/** Selects exactly these nodes and edges. */
export function select(ui: StateStore<UiState>, nodes: Iterable<string> = [], edges: Iterable<string> = []): void {
  ui.set({ selectedNodes: new Set(nodes), selectedEdges: new Set(edges) });
}
