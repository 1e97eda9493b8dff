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

/** Stops an evaluation that would build a text longer than the budget allows. */
export function overText(ctx: EvaluationContext): never {
  throw new LogicError('LOGIC_BUDGET', `The rule built a text longer than ${ctx.maxStringLength} characters and was stopped.`);
}

/** Characters of text one step pays for when a rule builds text (cat, substr). */
export const CHARS_PER_STEP = 16;

/**
 * Charges a text the rule built: its length against the longest text allowed,
 * and one step per {@link CHARS_PER_STEP} characters, so building text
 * (in a loop, too) is bounded by the step budget.
 */
export function checkString(ctx: EvaluationContext, s: string): string {
  if (s.length > ctx.maxStringLength) overText(ctx);
  if (s.length > CHARS_PER_STEP) {
    ctx.steps += (s.length / CHARS_PER_STEP) | 0;
    if (ctx.steps > ctx.maxSteps) overSteps(ctx);
  }
  return s;
}

/**
 * Charges reading a list (or object) as text or a number: JavaScript turns a
 * list into the text of all its items, nested lists included, so a list built
 * by doubling (`[acc, acc]` in a reduce) reads as text exponentially larger
 * than the rule that built it. Before any operator converts a value, this
 * walks what the conversion would walk — one step per list, item and value,
 * stopping as soon as the steps left or the longest text allowed is passed —
 * so a conversion never costs more than the budget has left. JavaScript
 * joins each nested list into its own text before joining the outer one, so
 * a value's text is counted once per level it is nested in: the count bounds
 * all the text the conversion allocates, not just the final text.
 */
export function chargeConversion(ctx: EvaluationContext, value: object): void {
  const room = ctx.maxSteps - ctx.steps;
  let nodes = 0;
  let chars = 0;
  const pending: unknown[] = [value];
  const depths: number[] = [0];
  while (pending.length > 0) {
    const v = pending.pop();
    const depth = depths.pop()!;
    if (++nodes > room) overSteps(ctx);
    if (Array.isArray(v)) {
      if (depth >= MAX_CONVERSION_DEPTH) {
        throw new LogicError('LOGIC_DATA', `The rule cannot be evaluated on this data: a list is nested more than ${MAX_CONVERSION_DEPTH} levels deep.`);
      }
      for (let i = 0; i < v.length; i++) {
        pending.push(v[i]);
        depths.push(depth + 1);
      }
      chars += v.length * (depth + 1);
    } else chars += (typeof v === 'string' ? v.length : 24) * (depth + 1);
    if (chars > ctx.maxStringLength) {
      throw new LogicError('LOGIC_BUDGET', `The rule would read a list as a text longer than ${ctx.maxStringLength} characters and was stopped.`);
    }
  }
  ctx.steps += nodes;
}

/** Lists nested deeper than this are refused as data when a rule reads them as text (JavaScript would overflow its stack). */
export const MAX_CONVERSION_DEPTH = 1_000;

/** {@link chargeConversion} for any value: only lists and objects cost anything to convert. */
export function chargeIfObject(ctx: EvaluationContext, value: unknown): void {
  if (value !== null && typeof value === 'object') chargeConversion(ctx, value);
}

/** Texts up to this length are read for free by comparisons, `in` and arithmetic (hot paths test only this). */
export const LONG_TEXT = 64;

/** Charges reading a text of `length` characters (compared, searched, parsed): a step per {@link CHARS_PER_STEP}. */
export function chargeText(ctx: EvaluationContext, length: number): void {
  ctx.steps += (length / CHARS_PER_STEP) | 0;
  if (ctx.steps > ctx.maxSteps) overSteps(ctx);
}

/**
 * Charges an operand an operator reads as text or a number: a list or object
 * for its conversion ({@link chargeConversion}), a long text for its length
 * ({@link chargeText}). Data texts are bounded only by the data, so comparing
 * or searching them in a loop is paid for like building them.
 */
export function chargeOperand(ctx: EvaluationContext, value: unknown): void {
  if (typeof value === 'string') {
    if (value.length > LONG_TEXT) chargeText(ctx, value.length);
  } else if (value !== null && typeof value === 'object') chargeConversion(ctx, value);
}
