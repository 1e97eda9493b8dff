/** How much a problem matters. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One problem with the flow, in plain language, pointing at the steps and
 * connections concerned (the shape of the runtime linter's diagnostics).
 */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  nodeIds: string[];
  edgeIds: string[];
  /** The control point (alert or gate) the problem is about. */
  controlId?: string;
  hint: string;
  /** A format problem's code (FLOW_E024) and JSON pointer, as `crm-flow validate` reports them. */
  code?: string;
  path?: string;
}

/** The clarity metrics shown beside the problems. */
export interface ClarityMetrics {
  steps: number;
  decisions: number;
  handoffs: number;
  jumps: number | undefined;
  longestPath: number | undefined;
  /** A one-line reading, when the analysis provides one. */
  summary: string | undefined;
}

/** What validation found. */
export interface ValidationResult {
  diagnostics: Diagnostic[];
  metrics: ClarityMetrics;
}
