/** Department hand-offs along the paths from the start to an end. */
export interface HandoffMetrics {
  /** Fewest and most changes of department on any path (loops taken at most once); null when no end is reachable. */
  min: number | null;
  max: number | null;
}

/** Jumps: the unnatural moves a newcomer trips over. */
export interface JumpMetrics {
  /** Connections that go back to an earlier step (loops, rework). */
  back: number;
  /** Connections out of a decision that skip the steps of its other branches. */
  skips: number;
  backEdgeIds: string[];
  skipEdgeIds: string[];
}

/** One path's figures (listed when a flow has few enough paths). */
export interface PathMetric {
  id: string;
  endId?: string;
  outcome?: string;
  steps: number;
  handoffs: number;
  departments: string[];
  loops: number;
}

/** How easy the flow is to follow, from its metrics. */
export type ClarityRating = 'clear' | 'fair' | 'hard';

/**
 * Clarity metrics of a flow (the sources' clarity and naturalness): size,
 * choices, hand-offs between departments, jumps, path lengths and
 * cyclomatic complexity, plus a summary a key user can read.
 */
export interface FlowMetrics {
  /** Tasks, system steps, waits and sub-flows. */
  steps: number;
  /** Human tasks among the steps. */
  tasks: number;
  decisions: number;
  parallelSplits: number;
  /** Departments the flow's steps sit in. */
  departments: string[];
  handoffs: HandoffMetrics;
  jumps: JumpMetrics;
  /** Most and fewest steps on a path from the start to an end (loops not repeated); null when no end is reachable. */
  longestPath: number | null;
  shortestPath: number | null;
  /** McCabe's edges − nodes + 2 × connected parts, counting all ends as one exit (= decisions + 1 for a simple flow). */
  cyclomaticComplexity: number;
  /** Paths from the start to an end without repeating a loop (capped at Number.MAX_SAFE_INTEGER). */
  pathCount: number;
  /** Per-path figures when there are at most 100 paths. */
  paths?: PathMetric[];
  rating: ClarityRating;
  summary: string;
}
