/**
 * The deploy check of the root entry: the analysis rules whose errors mean a
 * case could skip a mandatory step or get stuck, run on a flow before the
 * engine stores it. It is composed here, in the package entry, so the engine
 * itself never imports the linter (running never depends on linting), while
 * every host of `@crm/flow-runtime` gets an engine that refuses unsafe flows.
 */
import { AnalysisContext } from './analysis/context.js';
import type { LintRule } from './analysis/types.js';
import { conditionNeverTrue } from './analysis/rules/condition-never-true.js';
import { endReachable } from './analysis/rules/end-reachable.js';
import { noAutomaticLoop } from './analysis/rules/no-automatic-loop.js';
import { guardOnOnlyExit } from './analysis/rules/guard-on-only-exit.js';
import { joinAfterExclusive } from './analysis/rules/join-after-exclusive.js';
import { mandatoryNotBypassed } from './analysis/rules/mandatory-not-bypassed.js';
import { noDeadEnd } from './analysis/rules/no-dead-end.js';
import { parallelJoinBalanced } from './analysis/rules/parallel-join-balanced.js';
import { subflowExists } from './analysis/rules/subflow-exists.js';
import { uncoveredValues } from './analysis/rules/uncovered-values.js';
import { waitDataNeverWritten } from './analysis/rules/wait-data-never-written.js';
import { waitWithoutExit } from './analysis/rules/wait-without-exit.js';
import type { DeployFinding } from './engine/errors.js';
import { createEngine as createCoreEngine } from './engine/engine.js';
import type { DeployCheck, Engine, EngineOptions } from './engine/types.js';

// Imported one by one (in the order of RULES), not filtered from RULES: the root entry then carries these
// 12 rules, not all 42 with their texts (the linter is the `@crm/flow-runtime/analysis` entry).
const BLOCKING: readonly LintRule[] = [
  noDeadEnd,
  endReachable,
  noAutomaticLoop,
  guardOnOnlyExit,
  parallelJoinBalanced,
  joinAfterExclusive,
  mandatoryNotBypassed,
  waitWithoutExit,
  waitDataNeverWritten,
  subflowExists,
  conditionNeverTrue,
  uncoveredValues,
];

/**
 * Rules whose every finding refuses a deploy: a mandatory step some path
 * bypasses, a sub-flow to a flow or version that is not deployed, a decision
 * that can find no branch, a join that can wait forever (or for nothing), a
 * wait that can never end (its condition never holds, or reads data no step
 * writes), a gate that never closes, a condition on a step's only way out
 * (the case stops there when it does not hold), a step with no way on or no
 * way to an end, a loop of automatic steps a case would go round forever.
 */
export const DEPLOY_BLOCKING_RULES: readonly string[] = BLOCKING.map((r) => r.id);

/**
 * Runs the {@link DEPLOY_BLOCKING_RULES} on a flow, with the deployed
 * versions of its sub-flows; returns every finding in English and Chinese.
 * A rule that cannot finish counts as a finding (the flow is refused rather
 * than deployed unchecked).
 */
export const analysisDeployCheck: DeployCheck = (flow, { catalog, deployed }) => {
  const flows = new Map(deployed);
  const ctx = new AnalysisContext({ flow, catalog, flows });
  const out: DeployFinding[] = [];
  for (const rule of BLOCKING) {
    try {
      rule.check(ctx, (f) => out.push({ rule: rule.id, message: { en: f.message.en, zh: f.message.zh }, nodeIds: f.nodeIds ?? [], edgeIds: f.edgeIds ?? [] }));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      out.push({ rule: rule.id, message: { en: `The check '${rule.id}' could not finish (${why}), so the flow cannot be shown to be safe.`, zh: `检查“${rule.id}”未能完成（${why}），无法确认流程安全。` }, nodeIds: [], edgeIds: [] });
    }
  }
  return out;
};

/**
 * Creates an engine over a store (see the engine docs). This is the root
 * entry's engine: deploy refuses a flow that could skip a mandatory step or
 * get a case stuck (UNSAFE_FLOW, every finding listed in en and zh). Pass
 * your own `deployCheck` to add checks; the small `@crm/flow-runtime/engine`
 * entry deploys already-validated flows without this check.
 *
 * @example
 * const engine = createEngine({ store: createMemoryStore(), catalog });
 * await engine.deploy(newOrderFlow, { actor: admin });
 */
export function createEngine(options: EngineOptions): Engine {
  return createCoreEngine({ deployCheck: analysisDeployCheck, ...options });
}
