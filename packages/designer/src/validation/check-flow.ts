import * as runtime from '@crm/flow-runtime';
import { parseFlow, type Catalog, type Flow, type Problem } from '@crm/flow-runtime';
import type { Locale } from '../i18n/index.js';
import type { ClarityMetrics, Diagnostic, ValidationResult } from './types.js';

type ValidateFn = (flow: Flow, catalog: Catalog | undefined, config?: { locale?: Locale }) => { diagnostics: Diagnostic[]; metrics: Record<string, unknown> };

/**
 * The runtime linter, when this build of @crm/flow-runtime has it; read
 * through the namespace so the designer works before it lands.
 */
function runtimeValidate(): ValidateFn | undefined {
  const fn = (runtime as Record<string, unknown>)['validate'];
  return typeof fn === 'function' ? (fn as ValidateFn) : undefined;
}

/** Turns a parse problem into a diagnostic pointing at the node or edge its JSON pointer names. */
export function problemToDiagnostic(problem: Problem, flow: Flow): Diagnostic {
  const [, head, index] = problem.path.split('/');
  const i = Number(index);
  const nodeIds: string[] = [];
  const edgeIds: string[] = [];
  if (head === 'nodes' && Number.isInteger(i) && flow.nodes[i]) nodeIds.push(flow.nodes[i]!.id);
  if (head === 'edges' && Number.isInteger(i) && flow.edges[i]) edgeIds.push(flow.edges[i]!.id);
  return { rule: problem.code, severity: 'error', message: problem.message, nodeIds, edgeIds, hint: '' };
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

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function fromAnalysis(m: Record<string, unknown>, fallback: ClarityMetrics): ClarityMetrics {
  // The analysis' FlowMetrics: hand-offs as {min, max}, jumps as {back, skips}.
  const handoffs = m.handoffs as { max?: unknown } | undefined;
  const jumps = m.jumps as { back?: unknown; skips?: unknown } | undefined;
  const back = num(jumps?.back);
  const skips = num(jumps?.skips);
  return {
    steps: num(m.steps) ?? fallback.steps,
    decisions: num(m.decisions) ?? fallback.decisions,
    handoffs: num(handoffs?.max) ?? fallback.handoffs,
    jumps: back !== undefined || skips !== undefined ? (back ?? 0) + (skips ?? 0) : undefined,
    longestPath: num(m.longestPath),
    summary: typeof m.summary === 'string' ? m.summary : undefined,
  };
}

/**
 * Checks a flow as the designer shows it: the parser's problems (shape,
 * references, rule policy), then the linter's diagnostics and clarity
 * metrics when the runtime provides them.
 */
export function checkFlow(flow: Flow, catalog: Catalog | undefined, locale: Locale = 'en'): ValidationResult {
  const parsed = parseFlow(flow, catalog);
  const diagnostics: Diagnostic[] = parsed.ok ? [] : parsed.problems.map((p) => problemToDiagnostic(p, flow));
  let metrics = basicMetrics(flow);
  const validate = runtimeValidate();
  if (validate) {
    try {
      const r = validate(parsed.ok ? parsed.value : flow, catalog, { locale });
      const seen = new Set(diagnostics.map((d) => d.message));
      for (const d of r.diagnostics) if (!seen.has(d.message)) diagnostics.push(d);
      metrics = fromAnalysis(r.metrics, metrics);
    } catch (error) {
      diagnostics.push({ rule: 'rule-error', severity: 'warning', message: `The analysis could not check this flow: ${error instanceof Error ? error.message : String(error)}`, nodeIds: [], edgeIds: [], hint: '' });
    }
  }
  const rank = { error: 0, warning: 1, info: 2 } as const;
  diagnostics.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return { diagnostics, metrics };
}
