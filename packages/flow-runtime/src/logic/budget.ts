/** Run-time limits for one evaluation of a rule. */
export interface EvaluationBudget {
  /** Most operations evaluated (each item of a map/filter/reduce counts). Default 100,000. */
  maxSteps?: number;
  /** Most array items created by merge, map and filter together. Default 100,000. */
  maxItems?: number;
  /** Longest string cat or substr may build. Default 1,000,000. */
  maxStringLength?: number;
}

export const DEFAULT_BUDGET: Required<EvaluationBudget> = { maxSteps: 100_000, maxItems: 100_000, maxStringLength: 1_000_000 };

/** Why an evaluation was refused or stopped. */
export type LogicErrorCode = 'LOGIC_POLICY' | 'LOGIC_BUDGET' | 'LOGIC_UNKNOWN_OPERATOR' | 'LOGIC_DATA';

/**
 * An evaluation that broke the policy or ran over its budget. The engine
 * turns it into an incident on the instance; it never escapes as a crash.
 */
export class LogicError extends Error {
  constructor(
    readonly code: LogicErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LogicError';
  }
}

/** Mutable counters of one evaluation. */
export interface EvaluationContext {
  steps: number;
  items: number;
  readonly maxSteps: number;
  readonly maxItems: number;
  readonly maxStringLength: number;
}

export function newContext(budget: Required<EvaluationBudget>): EvaluationContext {
  return { steps: 0, items: 0, maxSteps: budget.maxSteps, maxItems: budget.maxItems, maxStringLength: budget.maxStringLength };
}

export function overSteps(ctx: EvaluationContext): never {
  throw new LogicError('LOGIC_BUDGET', `The rule took more than ${ctx.maxSteps} steps to evaluate and was stopped.`);
}

export function countItems(ctx: EvaluationContext, n: number): void {
  ctx.items += n;
  if (ctx.items > ctx.maxItems) {
    throw new LogicError('LOGIC_BUDGET', `The rule built more than ${ctx.maxItems} list items and was stopped.`);
  }
}

export function checkString(ctx: EvaluationContext, s: string): string {
  if (s.length > ctx.maxStringLength) {
    throw new LogicError('LOGIC_BUDGET', `The rule built a text longer than ${ctx.maxStringLength} characters and was stopped.`);
  }
  return s;
}
