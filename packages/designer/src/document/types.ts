import type { Draft } from 'immer';
import type { Flow } from '@crm/flow-runtime';

/**
 * How a change enters the undo history (the excalidraw model):
 * `now` records it (together with any pending `eventually` changes) as one step,
 * `eventually` applies it but waits — a drag in progress or a field being typed —
 * and `never` applies it without recording (an initial load).
 */
export type Capture = 'now' | 'eventually' | 'never';

/** Options of {@link DocumentStore.commit}. */
export interface CommitOptions {
  /** Whether and when the change becomes an undo step. Default `now`. */
  capture?: Capture;
  /** The name of the undo step ("Move step"), shown in the toolbar's tooltip. */
  name?: string;
  /**
   * Pending `eventually` changes with another key are closed as their own step
   * first, so typing a name and then dragging a node are two steps, not one.
   */
  key?: string;
}

/** An edit of the document as data: a name and an immer recipe over the flow. */
export interface Command {
  /** What the user did, in English, used for the undo step's name. */
  name: string;
  /** Changes the draft flow in place (or returns a whole new flow); immer turns it into patches. */
  recipe: (flow: Draft<Flow>) => void | Flow;
}
