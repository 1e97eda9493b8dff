import { type Catalog, type Flow } from '@crm/flow-runtime';
import { lintFlow, type FlowMetrics } from '@crm/flow-runtime/analysis';
import { NODE_SIZE, laneAt, laneBands } from '../document/geometry.js';
import { translator, type Locale } from '../i18n/index.js';
import type { ClarityMetrics, Diagnostic, ValidationResult } from './types.js';

/**
 * Steps drawn in another department's lane than their own: the lane says
 * one thing, the step (who works on it) another. One warning each.
 */
export function laneMismatches(flow: Flow, catalog: Catalog | undefined, locale: Locale = 'en'): Diagnostic[] {
  const t = translator(locale);
  const pos = flow.layout?.nodes ?? {};
  const bands = laneBands(flow, catalog);
  const deptName = (id: string) => {
    const d = catalog?.departments.find((x) => x.id === id);
    return d ? (locale === 'zh' ? (d.name.zh ?? d.name.en) : d.name.en) : id;
  };
  const out: Diagnostic[] = [];
  for (const n of flow.nodes) {
    const p = pos[n.id];
    if (!p || !n.department) continue;
    const lane = laneAt(bands, p.y + NODE_SIZE[n.kind].height / 2);
    if (!lane || lane.department === n.department) continue;
    const name = n.name ? (locale === 'zh' ? (n.name.zh ?? n.name.en) : n.name.en) : n.id;
    out.push({
      rule: 'lane-mismatch',
      severity: 'warning',
      message: t('problems.laneMismatch', { step: name, department: deptName(n.department), lane: deptName(lane.department) }),
      nodeIds: [n.id],
      edgeIds: [],
      hint: t('problems.laneMismatchHint', { department: deptName(n.department) }),
    });
  }
  return out;
}

/** Counts what can be counted without the analysis: steps, decisions, department hand-offs. */
export function basicMetrics(flow: Flow): ClarityMetrics {
  const dept = new Map(flow.nodes.map((n) => [n.id, n.department]));
  let handoffs = 0;
  for (const e of flow.edges) {
    const a = dept.get(e.source);
    const b = dept.get(e.target);
    if (a && b && a !== b) handoffs++;
  }
  return {
    steps: flow.nodes.filter((n) => n.kind === 'task' || n.kind === 'system' || n.kind === 'subflow' || n.kind === 'wait').length,
    decisions: flow.nodes.filter((n) => n.kind === 'decision').length,
    handoffs,
    jumps: undefined,
    longestPath: undefined,
    summary: undefined,
  };
}

function fromAnalysis(m: FlowMetrics): ClarityMetrics {
  return {
    steps: m.steps,
    decisions: m.decisions,
    handoffs: m.handoffs.max ?? 0,
    jumps: m.jumps.back + m.jumps.skips,
    longestPath: m.longestPath ?? undefined,
    summary: m.summary,
  };
}

/**
 * Checks a flow as the designer shows it, exactly as `crm-flow lint` does:
 * the format problems `crm-flow validate` reports (shape, references, rule
 * policy; with their codes and paths), the linter's findings — one per flaw —
 * and the clarity metrics; then the designer's own lane check. `flows` are
 * the host's other flows (every version), which sub-flow steps may run.
 */
export function checkFlow(flow: Flow, catalog: Catalog | undefined, locale: Locale = 'en', flows?: readonly Flow[]): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  let metrics = basicMetrics(flow);
  try {
    // The linter reads the draft as drawn, even when the parser found problems in it; with the host's
    // other flows it checks sub-flow steps as `crm-flow lint --flows` does.
    const r = lintFlow(flow, catalog, { locale, ...(flows ? { flows: flowRegistry(flows, flow.id) } : {}) });
    diagnostics.push(...r.diagnostics);
    if (r.metrics) metrics = fromAnalysis(r.metrics);
  } catch (error) {
    diagnostics.push({ rule: 'rule-error', severity: 'warning', message: `The analysis could not check this flow: ${error instanceof Error ? error.message : String(error)}`, nodeIds: [], edgeIds: [], hint: '' });
  }
  diagnostics.push(...laneMismatches(flow, catalog, locale));
  const rank = { error: 0, warning: 1, info: 2 } as const;
  diagnostics.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return { diagnostics, metrics };
}

/** The host's flows by id, every version (the flow being edited is the one on the canvas, not a stored copy). */
export function flowRegistry(flows: readonly Flow[], editing: string): Map<string, Flow[]> {
  const m = new Map<string, Flow[]>();
  for (const f of flows) {
    if (f.id === editing) continue;
    const list = m.get(f.id);
    if (list) list.push(f);
    else m.set(f.id, [f]);
  }
  return m;
}
