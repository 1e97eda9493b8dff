import type { Problem } from '../schema/problems.js';
import { formatEngineText } from './texts/format.js';
import type { EngineText, EngineTextArgs } from './texts/types.js';

/**
 * The catalogue of refusals. Each code has a fixed meaning; the error's
 * message says it in plain language for the case at hand, naming the step,
 * field or role.
 */
export const ENGINE_ERROR_CODES = {
  NOT_PERMITTED: 'The actor has none of the roles that may do this.',
  FIELD_NOT_EDITABLE: 'The actor may not change a field they tried to write.',
  UNKNOWN_FIELD: 'A written path is not part of the flow data.',
  INVALID_VALUE: 'A written value does not fit the field type.',
  REQUIRED_MISSING: 'A required field has no value after the change.',
  GATE_CLOSED: 'A gate control blocks the step while its condition holds.',
  TASK_NOT_OPEN: 'The task does not exist or is no longer open.',
  SAME_ACTOR: 'Separation of duties: the actor did an earlier step this one must be done by someone else.',
  VERSION_CONFLICT: 'The instance changed since the caller read it (someone else acted first).',
  INSTANCE_ENDED: 'The instance is completed or cancelled.',
  UNKNOWN_INSTANCE: 'No instance has this id.',
  UNKNOWN_FLOW: 'No deployed flow (or version) has this id.',
  FLOW_RETIRED: 'The flow version is retired: no new cases start on it (its running cases go on).',
  INVALID_FLOW: 'The definition does not pass validation.',
  UNSAFE_FLOW: 'The definition would let a case skip a mandatory step or get stuck; it is not deployed.',
  VERSION_EXISTS: 'A different definition is already deployed under this id and version.',
  INVALID_MIGRATION: 'The node mapping does not fit the target version.',
  STORE_FAILED: 'The store could not read or write.',
  INVALID_CURSOR: 'A paging cursor is not one this list returned.',
  CHANGE_STAGE: 'Change control: the version is not at a stage that allows this (e.g. approving a draft not submitted, publishing a version not approved).',
  LINT_ERRORS: 'Change control: the version has lint errors, so it cannot be approved.',
} as const;

/** A code from {@link ENGINE_ERROR_CODES}. */
export type EngineErrorCode = keyof typeof ENGINE_ERROR_CODES;

/** What a refusal concerns, for hosts that point at the field or step. */
export interface EngineErrorDetails {
  instanceId?: string;
  taskId?: string;
  nodeId?: string;
  /** Data paths concerned (not editable, missing, invalid). */
  fields?: string[];
  /** Controls concerned (a closed gate). */
  controlIds?: string[];
  /** The roles that may do the step. */
  roles?: string[];
  /** Definition problems (INVALID_FLOW). */
  problems?: Problem[];
  /** What makes a definition unsafe to run (UNSAFE_FLOW), each in English and Chinese. */
  findings?: DeployFinding[];
  expectedSeq?: number;
  actualSeq?: number;
  /**
   * The refusal as an engine text: render it in the reader's language with
   * `formatEngineText(error.code, error.details, { locale, timeZone, catalog })`.
   */
  text?: EngineText;
}

/** One reason a flow is refused at deploy, in both languages, with the steps and edges concerned. */
export interface DeployFinding {
  /** The analysis rule that found it, e.g. `mandatory-not-bypassed`. */
  rule: string;
  message: { en: string; zh: string };
  nodeIds: string[];
  edgeIds: string[];
}

/**
 * A refused command. Every refusal of the engine is one of these, with a
 * literal `code` and a message in plain language.
 *
 * @example
 * try { await engine.complete(id, taskId, { actor: finance, data }); }
 * catch (e) { if (isEngineError(e) && e.code === 'FIELD_NOT_EDITABLE') showFieldError(e.details.fields, e.message); }
 */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details: EngineErrorDetails = {},
  ) {
    super(message);
  }
}

/** True when `e` is an {@link EngineError} (optionally with the given code). */
export function isEngineError(e: unknown, code?: EngineErrorCode): e is EngineError {
  return e instanceof EngineError && (code === undefined || e.code === code);
}

/**
 * A refusal whose message is the English rendering (times in UTC) of the
 * catalog text `key`; the text itself is kept in `details.text`, so hosts
 * render it in their reader's language.
 */
export function refusal(code: EngineErrorCode, key: string, args: EngineTextArgs = {}, details: Omit<EngineErrorDetails, 'text'> = {}): EngineError {
  const text: EngineText = { key, args };
  return new EngineError(code, formatEngineText(text, { locale: 'en', timeZone: 'UTC' }), { ...details, text });
}

/** A store's failure as STORE_FAILED (an engine refusal passes through as it is). */
export function storeFailed(e: unknown): Error {
  if (isEngineError(e)) return e;
  return refusal('STORE_FAILED', 'STORE_FAILED.store', { why: e instanceof Error ? e.message : String(e) });
}
