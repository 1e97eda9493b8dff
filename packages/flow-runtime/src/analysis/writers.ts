import type { AnalysisContext } from './context.js';
import { collectVarUses } from '../logic/vars.js';

/**
 * The data paths some step of the flow can write: the record a task's
 * window opens (all its fields) and the variables it edits (`fields`), an
 * automatic step's assignments, a sub-flow's outputs, and the ids of record
 * variables (filled at the start). A written path that does not exist but
 * is a near miss of one that does counts as the one it means. A path is written when it, a path above
 * it or a path below it is in the list.
 */
export function writtenPaths(ctx: AnalysisContext): ReadonlySet<string> {
  return ctx.once('writtenPaths', () => {
    const out = new Set<string>();
    const data = ctx.flow.data;
    for (const [name, v] of Object.entries(data)) if (v.type === 'record') out.add(`${name}.id`);
    for (const node of ctx.flow.nodes) {
      if (node.kind === 'task') {
        for (const p of node.fields ?? []) out.add(p);
        for (const p of node.required ?? []) out.add(p);
        if (node.record) out.add(node.record);
        else if (node.window) {
          const win = ctx.windows.get(node.window);
          // Without a known window, any record variable could be the one it opens.
          for (const [name, v] of Object.entries(data)) if (v.type === 'record' && (!win || v.entity === win.entity)) out.add(name);
        }
      } else if (node.kind === 'system') {
        // An assignment to a misspelt field counts as the field it most likely means: the misspelling is FLOW_E026's finding, said once.
        for (const a of node.assign ?? []) out.add(meantPath(ctx, a.target));
      } else if (node.kind === 'subflow') {
        for (const p of Object.keys(node.output ?? {})) out.add(p);
      }
    }
    return out;
  });
}

/** Whether some step writes the data path (or a path above or below it). */
export function isWritten(written: ReadonlySet<string>, path: string): boolean {
  if (written.has(path)) return true;
  const parts = path.split('.');
  for (let k = 1; k < parts.length; k++) if (written.has(parts.slice(0, k).join('.'))) return true;
  const below = `${path}.`;
  for (const w of written) if (w.startsWith(below)) return true;
  return false;
}

/** The root data paths a rule reads (inside list operators, the list itself). */
export function rootReads(rule: unknown): string[] {
  const out: string[] = [];
  for (const u of collectVarUses(rule)) {
    if (u.scope.kind === 'root') {
      if (u.path !== '') out.push(u.path);
    } else if ('of' in u.scope && typeof u.scope.of === 'string') out.push(u.scope.of);
  }
  return out;
}

/** A written path as meant: itself when it exists, else its near miss (when there is one). */
export function meantPath(ctx: AnalysisContext, path: string): string {
  const info = ctx.resolvePath(path);
  return !info.ok && info.suggestion ? info.suggestion : path;
}
