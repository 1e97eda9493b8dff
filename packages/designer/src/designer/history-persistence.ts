import type { Flow } from '@crm/flow-runtime';
import type { DocumentStore } from '../document/store.js';
import type { SavedHistory } from '../document/history.js';

/** Undo steps kept with a draft across reloads. */
const KEEP = 100;
const PREFIX = 'crm-flow-designer.history:';

/** A short fingerprint of a flow's JSON (FNV-1a), so saved steps are only used on the flow they were made on. */
export function flowFingerprint(flow: Flow): string {
  const text = JSON.stringify(flow);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length.toString(36)}-${(h >>> 0).toString(36)}`;
}

const keyOf = (flow: Flow) => `${PREFIX}${flow.id}@${flow.version}`;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the undo history with the draft: saved in the browser under the
 * flow's id and version with a fingerprint of the flow it leads to.
 */
export function saveHistory(store: DocumentStore): void {
  const s = storage();
  const { flow } = store.getSnapshot();
  if (!s) return;
  const saved = store.savedHistory(KEEP);
  try {
    if (saved.undo.length === 0 && saved.redo.length === 0) s.removeItem(keyOf(flow));
    else s.setItem(keyOf(flow), JSON.stringify({ at: flowFingerprint(flow), history: saved }));
  } catch {
    // A full quota: the history then lasts this page only.
  }
}

/**
 * Brings back the undo history saved with this draft, when the flow opened
 * is exactly the one it was saved with (a reload); returns whether it did.
 */
export function restoreHistory(store: DocumentStore): boolean {
  const s = storage();
  const { flow } = store.getSnapshot();
  const raw = s?.getItem(keyOf(flow));
  if (!raw) return false;
  try {
    const saved = JSON.parse(raw) as { at?: unknown; history?: SavedHistory };
    if (saved.at !== flowFingerprint(flow) || !saved.history || !Array.isArray(saved.history.undo) || !Array.isArray(saved.history.redo)) return false;
    store.restoreHistory(saved.history);
    return true;
  } catch {
    return false;
  }
}
