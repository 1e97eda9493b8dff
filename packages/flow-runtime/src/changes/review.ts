/** The review pack's parts that need no store: the lint delta and what changes for each role. */
import { validate } from '../analysis/linter.js';
import type { Diagnostic, LintConfig, Severity } from '../analysis/types.js';
import type { FlowComparison } from '../compare/compare.js';
import type { Catalog } from '../schema/catalog.js';
import type { Flow } from '../schema/flow.js';
import type { ChangeNote } from './types.js';

/** One lint finding, in both languages. */
export interface LintItem {
  rule: string;
  severity: Severity;
  message: ChangeNote;
  nodeIds: string[];
  edgeIds: string[];
}

/** Findings of the new version against the old: new, fixed (gone), unchanged. */
export interface LintDelta {
  new: LintItem[];
  fixed: LintItem[];
  unchanged: LintItem[];
  /** Errors in the new version (approval is refused while there are any). */
  errors: number;
}

/** What changes for one role, in both languages. */
export interface RoleChange {
  role: string;
  name: ChangeNote;
  lines: { en: string[]; zh: string[] };
}

const key = (d: Diagnostic) => `${d.rule}|${[...d.nodeIds].sort().join(',')}|${[...d.edgeIds].sort().join(',')}`;

function findings(flow: Flow, catalog: Catalog | undefined, config: LintConfig): LintItem[] {
  const en = validate(flow, catalog, { ...config, locale: 'en' }).diagnostics;
  const zh = validate(flow, catalog, { ...config, locale: 'zh' }).diagnostics;
  return en.map((d, i) => ({ rule: d.rule, severity: d.severity, message: { en: d.message, zh: zh[i]?.message ?? d.message }, nodeIds: d.nodeIds, edgeIds: d.edgeIds }));
}

/** Lints both versions and sorts the new version's findings into new and unchanged, and the old one's gone into fixed. */
export function lintDelta(before: Flow | undefined, after: Flow, catalog: Catalog | undefined, config: LintConfig = {}): LintDelta {
  const next = findings(after, catalog, config);
  const prev = before ? findings(before, catalog, config) : [];
  const k = (i: LintItem) => key({ rule: i.rule, nodeIds: i.nodeIds, edgeIds: i.edgeIds } as Diagnostic);
  const prevKeys = new Set(prev.map(k));
  const nextKeys = new Set(next.map(k));
  return {
    new: next.filter((i) => !prevKeys.has(k(i))),
    unchanged: next.filter((i) => prevKeys.has(k(i))),
    fixed: prev.filter((i) => !nextKeys.has(k(i))),
    errors: next.filter((i) => i.severity === 'error').length,
  };
}

/** Joins the English and Chinese comparisons' per-role notes. */
export function roleChanges(en: FlowComparison, zh: FlowComparison): RoleChange[] {
  return en.byRole.map((r) => {
    const z = zh.byRole.find((x) => x.role === r.role);
    return { role: r.role, name: { en: r.name, zh: z?.name ?? r.name }, lines: { en: r.lines, zh: z?.lines ?? r.lines } };
  });
}
