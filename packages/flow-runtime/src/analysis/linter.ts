import type { Catalog } from '../schema/catalog.js';
import { Flow } from '../schema/flow.js';
import { parseFlow } from '../schema/parse-flow.js';
import type { ParseResult, Problem } from '../schema/problems.js';
import { AnalysisContext } from './context.js';
import { recommended } from './config.js';
import { computeMetricsFrom } from './metrics/index.js';
import type { FlowMetrics } from './metrics/types.js';
import { PROBLEM_HINTS } from './problem-hints.js';
import { problemMessage, problemMessageZh } from './problem-messages.js';
import { RULES } from './rules/index.js';
import { pick, t } from './text.js';
import type { Diagnostic, Finding, LintConfig, LintRule, Locale, RuleSetting, ValidateResult } from './types.js';

/**
 * Lints a parsed flow against its catalog: every rule of the config (the
 * `recommended` severities unless overridden) plus the clarity metrics.
 * A rule that throws becomes one `rule-error` diagnostic; the others still run.
 * One flaw gives one finding: when a rule's finding makes another's redundant
 * (see {@link LintRule.supersedes}) only the more specific one is kept.
 *
 * It does not read the definition's format (use {@link lintFlow} for a
 * definition as written, which reports format problems too).
 *
 * @example
 * const { diagnostics, metrics } = validate(flow, catalog);
 * for (const d of diagnostics) console.log(`${d.severity} ${d.rule}: ${d.message}`);
 * console.log(metrics.summary);
 */
export function validate(flow: Flow, catalog: Catalog | undefined, config: LintConfig = {}): ValidateResult {
  const ctx = new AnalysisContext({ flow, catalog, flows: config.flows });
  const diagnostics = runRules(ctx, RULES, config);
  const metrics = computeMetricsFrom(ctx, config.locale ?? 'en');
  return { diagnostics, metrics };
}

/** What {@link lintFlow} returns. */
export interface LintResult {
  /**
   * Every finding, one per flaw: the format problems `parseFlow` (and
   * `crm-flow validate`) reports — same code, path and message, with a hint —
   * then the rules' findings that no format problem already says. (In
   * Chinese, a format problem that a rule also found is worded by the rule.)
   */
  diagnostics: Diagnostic[];
  /** Clarity metrics; undefined when the definition is too malformed to analyse. */
  metrics: FlowMetrics | undefined;
  /** The flow as read: typed when its shape is right, even with broken references (a draft). */
  flow: Flow | undefined;
  /** True when no finding is an error: the flow can be deployed as far as the analysis knows. */
  ok: boolean;
}

/**
 * Lints a definition as written (parsed JSON, not yet checked): reads it with
 * `parseFlow` against the catalog, reports every format problem it finds
 * (unknown windows, roles, fields; windows without a record; dangling
 * connections …) as an error diagnostic with its `code` and `path`, and —
 * when the shape is right, even if references are broken — runs the rules
 * and the metrics on it. A rule finding about the same property of the same
 * step, connection or control point as a format problem gives way to it
 * (see {@link LintRule.about}), so one flaw gives one finding.
 *
 * @example
 * const r = lintFlow(JSON.parse(text), catalog, { locale: 'zh' });
 * if (!r.ok) for (const d of r.diagnostics) console.log(d.code ?? d.rule, d.path ?? '', d.message);
 */
export function lintFlow(definition: unknown, catalog: Catalog | undefined, config: LintConfig = {}): LintResult {
  return lintParsed(definition, parseFlow(definition, catalog), catalog, config);
}

/** {@link lintFlow} when the definition was already read with `parseFlow` (the CLI reads it once). */
export function lintParsed(definition: unknown, parsed: ParseResult<Flow>, catalog: Catalog | undefined, config: LintConfig = {}): LintResult {
  const locale = config.locale ?? 'en';
  let flow: Flow;
  const problems = parsed.ok ? [] : parsed.problems;
  if (parsed.ok) flow = parsed.value;
  else {
    const shape = Flow.safeParse(definition);
    if (!shape.success) {
      const diagnostics = problems.map((p) => problemDiagnostic(p, undefined, locale, undefined));
      return { diagnostics, metrics: undefined, flow: undefined, ok: false };
    }
    flow = shape.data;
  }
  const ctx = new AnalysisContext({ flow, catalog, flows: config.flows });
  const raws = supersede(collect(ctx, RULES, config));
  const borrowed = new Map<number, Diagnostic>();
  const kept = problems.length ? giveWay(ctx, raws, problems, borrowed) : raws;
  const diagnostics = [...problems.map((p, i) => problemDiagnostic(p, flow, locale, borrowed.get(i))), ...kept.map((r) => r.d)];
  const metrics = computeMetricsFrom(ctx, locale);
  return { diagnostics, metrics, flow, ok: !diagnostics.some((d) => d.severity === 'error') };
}

/** A format problem as a diagnostic, pointing at the step, connection or control point its path names. */
function problemDiagnostic(p: Problem, flow: Flow | undefined, locale: Locale, rule: Diagnostic | undefined): Diagnostic {
  const [, head, index] = p.path.split('/');
  const i = Number(index);
  // The format problem's message is validate's, in English; in Chinese it is read back from its English template,
  // naming steps by their Chinese names (else the rule finding that gave way to it says the same flaw).
  const message = locale === 'en' ? p.message : (problemMessageZh(p.message, flow) ?? rule?.message ?? problemMessage(p, locale));
  const d: Diagnostic = { rule: p.code, code: p.code, path: p.path, severity: 'error', message, nodeIds: [], edgeIds: [], hint: rule?.hint || pick(PROBLEM_HINTS[p.code], locale) };
  if (flow && index !== undefined && Number.isInteger(i)) {
    if (head === 'nodes' && flow.nodes[i]) d.nodeIds.push(flow.nodes[i].id);
    else if (head === 'edges' && flow.edges[i]) d.edgeIds.push(flow.edges[i].id);
    else if (head === 'controls' && flow.controls?.[i]) d.controlId = flow.controls[i].id;
  }
  return d;
}

/** Runs rules on a context (exported for tests and for callers with their own rule list). */
export function runRules(ctx: AnalysisContext, rules: ReadonlyArray<LintRule>, config: LintConfig = {}): Diagnostic[] {
  return supersede(collect(ctx, rules, config)).map((r) => r.d);
}

/** A rule's diagnostic with what the dedupe needs to know about it. */
interface Raw {
  d: Diagnostic;
  rule: LintRule | undefined;
  about: ReadonlyArray<string> | undefined;
}

function collect(ctx: AnalysisContext, rules: ReadonlyArray<LintRule>, config: LintConfig): Raw[] {
  const locale = config.locale ?? 'en';
  const out: Raw[] = [];
  for (const rule of rules) {
    const setting: RuleSetting = config.rules?.[rule.id] ?? recommended[rule.id] ?? 'error';
    if (setting === 'off') continue;
    const report = (f: Finding): void => {
      const d: Diagnostic = {
        rule: rule.id,
        severity: setting,
        message: pick(f.message, locale),
        nodeIds: f.nodeIds ?? [],
        edgeIds: f.edgeIds ?? [],
        hint: f.hint ? pick(f.hint, locale) : '',
      };
      if (f.controlId !== undefined) d.controlId = f.controlId;
      if (f.path !== undefined) d.path = f.path;
      out.push({ d, rule, about: f.about ?? rule.about });
    };
    try {
      rule.check(ctx, report);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      out.push({
        d: {
          rule: 'rule-error',
          severity: 'error',
          message: pick(t(`Rule '${rule.id}' failed while checking this flow: ${why}`, `规则“${rule.id}”检查此流程时出错：${why}`), locale),
          nodeIds: [],
          edgeIds: [],
          hint: pick(t('This is a bug in CRM Flow, not in your flow; the other rules still ran. Please report it.', '这是 CRM Flow 的缺陷，不是流程的问题；其他规则已正常运行。请报告此问题。'), locale),
        },
        rule: undefined,
        about: undefined,
      });
    }
  }
  return out;
}

/** The steps, connections and control point a diagnostic names, as keys. */
function elementKeys(d: Diagnostic): string[] {
  const keys: string[] = [];
  for (const id of d.nodeIds) keys.push(`n:${id}`);
  for (const id of d.edgeIds) keys.push(`e:${id}`);
  if (d.controlId !== undefined) keys.push(`c:${d.controlId}`);
  return keys;
}

/** Drops findings that a finding of a superseding rule about the same element makes redundant. */
function supersede(raws: Raw[]): Raw[] {
  const superseders = new Map<string, string[]>();
  for (const r of raws) for (const s of r.rule?.supersedes ?? []) superseders.set(s, [...(superseders.get(s) ?? []), r.rule!.id]);
  if (superseders.size === 0) return raws;
  const named = new Map<string, Set<string>>();
  for (const r of raws) {
    if (!r.rule || ![...superseders.values()].some((list) => list.includes(r.rule!.id))) continue;
    let set = named.get(r.rule.id);
    if (!set) named.set(r.rule.id, (set = new Set()));
    for (const k of elementKeys(r.d)) set.add(k);
  }
  return raws.filter((r) => {
    const by = r.rule ? superseders.get(r.rule.id) : undefined;
    if (!by) return true;
    const keys = elementKeys(r.d);
    return !by.some((id) => keys.some((k) => named.get(id)?.has(k)));
  });
}

/**
 * Drops rule findings about a property that a format problem points at (or
 * inside, or above): the problem says the same flaw with its code and path.
 * The problem borrows the finding's hint when the finding had one.
 */
function giveWay(ctx: AnalysisContext, raws: Raw[], problems: ReadonlyArray<Problem>, borrowed: Map<number, Diagnostic>): Raw[] {
  const exact = new Map<string, number>();
  const below = new Map<string, number>();
  problems.forEach((p, i) => {
    if (!exact.has(p.path)) exact.set(p.path, i);
    const parts = p.path.split('/');
    for (let k = 2; k <= parts.length; k++) {
      const prefix = parts.slice(0, k).join('/');
      if (!below.has(prefix)) below.set(prefix, i);
    }
  });
  const flow = ctx.flow;
  const indexes = new Map<string, Map<string, number[]>>();
  const places = (list: 'nodes' | 'edges' | 'controls', id: string): string[] => {
    let index = indexes.get(list);
    if (!index) indexes.set(list, (index = indexOfIds(flow[list] ?? [])));
    return (index.get(id) ?? []).map((i) => `/${list}/${i}`);
  };
  const bases = (d: Diagnostic): string[] => {
    const out: string[] = [];
    for (const id of d.nodeIds) out.push(...places('nodes', id));
    for (const id of d.edgeIds) out.push(...places('edges', id));
    if (d.controlId !== undefined) out.push(...places('controls', d.controlId));
    return out;
  };
  const cause = (r: Raw): number | undefined => {
    if (!r.about?.length) return undefined;
    for (const base of bases(r.d)) {
      const above = exact.get(base);
      if (above !== undefined) return above;
      for (const a of r.about) {
        const pointer = `${base}/${a}`;
        const hit = below.get(pointer);
        if (hit !== undefined) return hit;
        // A problem above the property (the property's parent object) covers it too.
        const parts = pointer.split('/');
        for (let k = parts.length - 1; k > 3; k--) {
          const up = exact.get(parts.slice(0, k).join('/'));
          if (up !== undefined) return up;
        }
      }
    }
    return undefined;
  };
  return raws.filter((r) => {
    const i = cause(r);
    if (i === undefined) return true;
    if (!borrowed.has(i) && r.d.hint) borrowed.set(i, r.d);
    return false;
  });
}

/** Where each id stands in a list: every place, as a repeated id names them all. */
function indexOfIds(list: ReadonlyArray<{ id: string }>): Map<string, number[]> {
  const m = new Map<string, number[]>();
  list.forEach((x, i) => {
    const at = m.get(x.id);
    if (at) at.push(i);
    else m.set(x.id, [i]);
  });
  return m;
}

/** Counts diagnostics by severity. */
export function countBySeverity(diagnostics: ReadonlyArray<Diagnostic>): Record<'error' | 'warning' | 'info', number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) c[d.severity]++;
  return c;
}
