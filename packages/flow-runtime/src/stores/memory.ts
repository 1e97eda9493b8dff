/**
 * The memory store: logs, projections and definitions in Maps. Everything a
 * command writes is applied synchronously inside `append`, so it is atomic.
 * Stored objects are shared with the engine, not copied: treat what it
 * returns as read-only.
 */
import type { FlowEvent, InstanceSummary, OpenTaskRow } from '../engine/types.js';
import type { AppendRequest, AppendResult, FlowStore, StoredDefinition } from './types.js';

/** What the store keeps per instance. */
interface Stored {
  log: FlowEvent[];
  summary: InstanceSummary;
  /** The open-task rows of the last append (empty when none). */
  tasks: OpenTaskRow[];
}

const NO_ROWS: OpenTaskRow[] = [];

/** Creates an empty memory store. */
export function createMemoryStore(): FlowStore {
  /** One entry per instance (log, summary and open tasks together), so a command touches one Map entry. */
  const instances = new Map<string, Stored>();
  /** role → instanceId → rows of that instance the role may do. */
  const byRole = new Map<string, Map<string, OpenTaskRow[]>>();
  const defs = new Map<string, Map<number, StoredDefinition>>();

  const setTasks = (instanceId: string, before: OpenTaskRow[], rows: OpenTaskRow[]) => {
    for (const row of before) for (const role of row.roles) byRole.get(role)?.delete(instanceId);
    for (const row of rows) {
      for (const role of row.roles) {
        let m = byRole.get(role);
        if (!m) byRole.set(role, (m = new Map()));
        const list = m.get(instanceId);
        if (list) list.push(row);
        else m.set(instanceId, [row]);
      }
    }
  };

  return {
    async append({ writes }: AppendRequest): Promise<AppendResult> {
      for (const w of writes) {
        const actualSeq = instances.get(w.instanceId)?.summary.seq ?? 0;
        if (actualSeq !== w.expectedSeq) return { ok: false, instanceId: w.instanceId, expectedSeq: w.expectedSeq, actualSeq };
      }
      for (const w of writes) {
        const stored = instances.get(w.instanceId);
        if (stored) {
          for (const e of w.events) stored.log.push(e);
          stored.summary = w.summary;
          setTasks(w.instanceId, stored.tasks, w.openTasks);
          stored.tasks = w.openTasks;
        } else {
          instances.set(w.instanceId, { log: w.events.slice(), summary: w.summary, tasks: w.openTasks });
          setTasks(w.instanceId, NO_ROWS, w.openTasks);
        }
      }
      return { ok: true };
    },
    async load({ instanceId, afterSeq = 0 }) {
      const log = instances.get(instanceId)?.log;
      return log && log.length > afterSeq ? log.slice(afterSeq) : [];
    },
    async instance({ instanceId }) {
      return instances.get(instanceId)?.summary;
    },
    async instances({ flowId, status, dueBefore, parentId }) {
      const out: InstanceSummary[] = [];
      for (const { summary: s } of instances.values()) {
        if (flowId !== undefined && s.flowId !== flowId) continue;
        if (status !== undefined && s.status !== status) continue;
        if (dueBefore !== undefined && (s.nextDueAt === undefined || s.nextDueAt > dueBefore)) continue;
        if (parentId !== undefined && s.parentId !== parentId) continue;
        out.push(s);
      }
      return out;
    },
    async openTasks({ roles, instanceId }) {
      if (instanceId !== undefined) {
        const rows = instances.get(instanceId)?.tasks ?? NO_ROWS;
        return roles ? rows.filter((r) => r.roles.some((x) => roles.includes(x))) : [...rows];
      }
      if (!roles) {
        const all: OpenTaskRow[] = [];
        for (const { tasks } of instances.values()) for (const row of tasks) all.push(row);
        return all;
      }
      const seen = new Set<string>();
      const out: OpenTaskRow[] = [];
      for (const role of roles) {
        for (const rows of byRole.get(role)?.values() ?? []) {
          for (const row of rows) {
            const key = `${row.instanceId}\u0000${row.taskId}`;
            if (!seen.has(key)) {
              seen.add(key);
              out.push(row);
            }
          }
        }
      }
      return out;
    },
    async putDefinition({ definition }) {
      let versions = defs.get(definition.flowId);
      const existing = versions?.get(definition.version);
      if (existing) return { created: false, existing };
      if (!versions) defs.set(definition.flowId, (versions = new Map()));
      versions.set(definition.version, definition);
      return { created: true };
    },
    async getDefinition({ flowId, version }) {
      const versions = defs.get(flowId);
      if (!versions) return undefined;
      if (version !== undefined) return versions.get(version);
      let best: StoredDefinition | undefined;
      for (const d of versions.values()) if (!best || d.version > best.version) best = d;
      return best;
    },
    async definitions({ flowId }) {
      const all = flowId !== undefined ? [...(defs.get(flowId)?.values() ?? [])] : [...defs.values()].flatMap((m) => [...m.values()]);
      return all.sort((a, b) => (a.flowId === b.flowId ? a.version - b.version : a.flowId < b.flowId ? -1 : 1));
    },
  };
}
