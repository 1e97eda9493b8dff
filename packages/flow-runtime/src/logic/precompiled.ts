// Runs rules compiled ahead of time (./generate.ts) in place of the closures
// of ./compile.ts: same results, same budget, same errors.
import { DEFAULT_BUDGET, chargeOperand, countItems, overSteps, type EvaluationBudget, type EvaluationContext } from './budget.js';
import { asLogicError, catJoin, compileNode, yes, type CompiledRule, type RuleSource } from './compile.js';
import { PRECOMPILED_FORMAT, ruleKey } from './precompiled-format.js';
import { num, type Node } from './operand.js';
import { checkRule } from './policy.js';

/** What a rule's generated code is given: the runtime's own helpers, so the code runs exactly as the closures do. */
export interface RuleHelpers {
  readonly own: (this: unknown, key: PropertyKey) => boolean;
  readonly charge: (ctx: EvaluationContext, value: unknown) => void;
  readonly num: (value: unknown) => number;
  readonly yes: (value: unknown) => boolean;
  readonly err: (e: unknown) => Error;
  readonly cat: (ctx: EvaluationContext, x: unknown, y: unknown, z: unknown) => string;
  readonly over: (ctx: EvaluationContext) => never;
  readonly items: (ctx: EvaluationContext, n: number) => void;
}

/** One rule's generated code: given the helpers, its counters and a compiler for the parts it leaves to closures. */
export type RuleFactory = (h: RuleHelpers, c: EvaluationContext, sub: (rule: unknown) => Node) => (data?: unknown) => unknown;

/** The default export of a module written by `generateRulesModule` / `crm-flow compile-rules`. */
export interface PrecompiledRulesModule {
  readonly format: number;
  readonly rules: Readonly<Record<string, RuleFactory>>;
}

export type { RuleSource } from './compile.js';

const HELPERS: RuleHelpers = {
  own: Object.prototype.hasOwnProperty,
  charge: chargeOperand,
  num,
  yes,
  err: asLogicError,
  cat: catJoin,
  over: overSteps,
  items: countItems,
};

/**
 * Rules compiled ahead of time, for `createEngine({ rules })`: each rule of
 * the module runs as code of its own, with the closures' results, budget and
 * errors (`LogicError`), and without `eval` or `new Function` — the module
 * is ordinary code in the host's bundle, so a Content-Security-Policy
 * without 'unsafe-eval' allows it. A rule the module does not have (a flow
 * changed since the module was written) is compiled as usual.
 *
 * The generated code reads only an object's own members, as the closures do,
 * on JSON data: plain objects, lists and scalars — what the engine always
 * evaluates rules on (it copies every value written to it as JSON). For data
 * with other prototypes (class instances), use `prepareRule`.
 *
 * @throws Error naming the format when the module was written by another version.
 * @example
 * import rules from './flow-rules.js'; // written by `crm-flow compile-rules examples/flows -o src/flow-rules.js`
 * const engine = createEngine({ store, catalog, rules: precompiledRules(rules) });
 */
export function precompiledRules(module: PrecompiledRulesModule, budget: EvaluationBudget = {}): RuleSource {
  if (module === null || typeof module !== 'object' || module.format !== PRECOMPILED_FORMAT || typeof module.rules !== 'object' || module.rules === null) {
    const format = module !== null && typeof module === 'object' ? String((module as { format?: unknown }).format) : typeof module;
    throw new Error(`This precompiled rules module has format ${format}; this version of @crm/flow-runtime reads format ${PRECOMPILED_FORMAT}. Write it again with this version's \`crm-flow compile-rules\`.`);
  }
  const limits = { ...DEFAULT_BUDGET, ...budget };
  const table = module.rules;
  return (rule) => {
    if (rule === null || typeof rule !== 'object') return undefined;
    const key = ruleKey(rule);
    const factory = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
    // A rule the policy refuses is left to prepareRule, which says why.
    if (typeof factory !== 'function' || checkRule(rule).length > 0) return undefined;
    // One context per compiled rule, reset by every evaluation, as compileRule keeps it.
    const ctx: EvaluationContext = { steps: 0, items: 0, maxSteps: limits.maxSteps, maxItems: limits.maxItems, maxStringLength: limits.maxStringLength };
    const run = factory(HELPERS, ctx, (part) => compileNode(part, ctx)) as CompiledRule;
    Object.defineProperty(run, 'rule', { value: rule });
    return run;
  };
}
