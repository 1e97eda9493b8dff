import type { Catalog } from '../schema/catalog.js';
import type { Flow } from '../schema/flow.js';
import type { FlowMetrics } from './metrics/types.js';
import type { AnalysisContext } from './context.js';

/** How much a finding matters. `off` switches a rule off. */
export type Severity = 'error' | 'warning' | 'info';

/** A rule's setting in a config: a severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** Languages the analysis speaks. */
export type Locale = 'en' | 'zh';

/** A message in every language the analysis speaks. */
export interface Text {
  en: string;
  zh: string;
}

/**
 * One finding of the linter, in plain language, pointing at the nodes and
 * edges concerned (the designer marks them).
 *
 * @example
 * { rule: 'mandatory-not-bypassed', severity: 'error',
 *   message: "Mandatory step 'Credit check' (credit-check) can be bypassed: the path start → order entry → ship → end skips it.",
 *   nodeIds: ['credit-check'], edgeIds: ['e5'], hint: 'Route every path through the step, or make it not mandatory.' }
 */
export interface Diagnostic {
  /**
   * The id of the rule that found it (`rule-error` when a rule crashed); for
   * a format problem found while reading the definition, its code
   * (`FLOW_E024`), the same as `code`.
   */
  rule: string;
  severity: Severity;
  message: string;
  nodeIds: string[];
  edgeIds: string[];
  /** The control point (alert or gate) the finding is about, when it is about one. */
  controlId?: string;
  /** What to do about it. */
  hint: string;
  /** For a format problem: its code from `PROBLEM_CODES`, as `crm-flow validate` reports it. */
  code?: string;
  /**
   * For a format problem: the JSON pointer to the offending value, as
   * `crm-flow validate` reports it. For a rule finding about a part of the
   * flow that is not a step, connection or control point — a variable of the
   * flow's data — the pointer to it (`/data/<name>`), so an editor can open it.
   */
  path?: string;
}

/** What a rule reports; the linter adds the rule id, the severity and the locale. */
export interface Finding {
  message: Text;
  nodeIds?: string[];
  edgeIds?: string[];
  /** The control point the finding is about. */
  controlId?: string;
  /** JSON pointer to what the finding is about when it is not a step, connection or control point (a variable: `/data/<name>`). */
  path?: string;
  hint?: Text;
  /**
   * The properties of the named steps, connections or control point the
   * finding is about (`window`, `sla/escalateTo`), when they differ from the
   * rule's {@link LintRule.about}.
   */
  about?: ReadonlyArray<string>;
}

/** Called by a rule once per finding. */
export type Report = (finding: Finding) => void;

/**
 * A lint rule (the bpmnlint pattern): an id equal to its file name, a one-line
 * doc, and a `check` that reads the shared analysis context and reports
 * findings. Severity is not the rule's business: it comes from the config.
 */
export interface LintRule {
  id: string;
  /** One line saying what the rule wants, shown in docs and `crm-flow lint --rules`. */
  doc: string;
  /**
   * The properties of the steps, connections and control points its findings
   * name that the rule checks (`window`, `source`, `guard`…). A format problem
   * at such a property (an unknown window, a dangling edge) is the same flaw
   * said more precisely, so the rule's finding gives way to it. A rule
   * without `about` checks how steps are connected and never gives way.
   */
  about?: ReadonlyArray<string>;
  /**
   * Rules whose findings this rule's findings make redundant when both name
   * the same step, connection or control point: the more specific finding is
   * kept (an isolated step is unreachable; that it also has no way out says
   * nothing more).
   */
  supersedes?: ReadonlyArray<string>;
  check(ctx: AnalysisContext, report: Report): void;
}

/** A flow known by id, for subflow checks: every version the caller knows of. */
export type FlowRegistry = ReadonlyMap<string, ReadonlyArray<Flow>>;

/** Options of {@link validate}. */
export interface LintConfig {
  /** Severity per rule id; rules not named use the `recommended` setting. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Other flows, so subflow steps can be checked; without it subflow-exists stays silent. */
  flows?: FlowRegistry;
  /** Language of messages and hints; English by default. */
  locale?: Locale;
  /** Loop bound used by metrics that walk paths. */
  maxLoops?: number;
}

/** What {@link validate} returns. */
export interface ValidateResult {
  diagnostics: Diagnostic[];
  metrics: FlowMetrics;
}

/** Inputs every rule can read. */
export interface AnalysisInput {
  flow: Flow;
  catalog: Catalog | undefined;
  flows: FlowRegistry | undefined;
}
