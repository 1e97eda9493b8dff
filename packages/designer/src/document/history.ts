import type { Patch } from 'immer';

/** One undo step: the patches that did it and the inverse patches that undo it. */
export interface HistoryEntry {
  name: string;
  patches: Patch[];
  inverse: Patch[];
}

/** Undo and redo stacks as plain JSON (immer patches are plain data), to keep with a draft. */
export interface SavedHistory {
  undo: HistoryEntry[];
  redo: HistoryEntry[];
}

/**
 * Undo and redo stacks of patch pairs, plus the pending entry that
 * `eventually` changes accumulate in until they are closed as one step.
 */
export class History {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private pending: (HistoryEntry & { key: string | undefined }) | undefined;

  constructor(private readonly limit = 500) {}

  /** Adds the change to the pending entry (a drag frame, a keystroke). */
  accumulate(name: string, key: string | undefined, patches: Patch[], inverse: Patch[]): void {
    if (this.pending && this.pending.key !== key) this.close();
    if (!this.pending) this.pending = { name, key, patches: [], inverse: [] };
    this.pending.name = name;
    this.pending.patches.push(...patches);
    this.pending.inverse.unshift(...inverse);
  }

  /** Records a step, folding in what was pending. Returns whether anything was recorded. */
  record(name: string, patches: Patch[], inverse: Patch[]): boolean {
    const p = this.pending;
    this.pending = undefined;
    const all = p ? [...p.patches, ...patches] : patches;
    const inv = p ? [...inverse, ...p.inverse] : inverse;
    if (all.length === 0) return false;
    this.push({ name: patches.length > 0 ? name : (p?.name ?? name), patches: all, inverse: inv });
    return true;
  }

  /** Closes the pending entry as its own step. Returns whether there was one. */
  close(): boolean {
    const p = this.pending;
    this.pending = undefined;
    if (!p || p.patches.length === 0) return false;
    this.push({ name: p.name, patches: p.patches, inverse: p.inverse });
    return true;
  }

  /** Whether `eventually` changes are waiting to be closed. */
  get hasPending(): boolean {
    return this.pending !== undefined && this.pending.patches.length > 0;
  }

  /** Takes the step to undo, moving it to the redo stack. */
  takeUndo(): HistoryEntry | undefined {
    this.close();
    const e = this.undoStack.pop();
    if (e) this.redoStack.push(e);
    return e;
  }

  /** Takes the step to redo, moving it back to the undo stack. */
  takeRedo(): HistoryEntry | undefined {
    this.close();
    const e = this.redoStack.pop();
    if (e) this.undoStack.push(e);
    return e;
  }

  get undoName(): string | undefined {
    return this.pending?.name ?? this.undoStack.at(-1)?.name;
  }

  get redoName(): string | undefined {
    return this.redoStack.at(-1)?.name;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0 || this.hasPending;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.pending = undefined;
  }

  /** The closed steps, most recent last, for keeping the history with a draft (at most `keep` undo steps). */
  saved(keep = this.limit): SavedHistory {
    return { undo: this.undoStack.slice(-keep), redo: [...this.redoStack] };
  }

  /** Replaces the stacks with saved ones (see {@link History.saved}); anything pending is dropped. */
  restore(saved: SavedHistory): void {
    this.undoStack = saved.undo.slice(-this.limit);
    this.redoStack = [...saved.redo];
    this.pending = undefined;
  }

  private push(entry: HistoryEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack = [];
  }
}
