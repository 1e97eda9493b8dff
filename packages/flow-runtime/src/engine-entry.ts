/**
 * `@crm/flow-runtime/engine` — the part of the runtime that runs flows, for
 * hosts that ship it to a browser or an edge function and want it small: the
 * engine, the memory store and the JsonLogic evaluator, without the zod
 * schemas, the linter, the SOP writer or describe().
 *
 * Definitions given to `deploy` here are expected to be validated already —
 * by `crm-flow validate` when the flow is built, or by `parseFlow` from the
 * root entry on the server that publishes it. Deploy still refuses anything
 * that is not shaped like a flow (see {@link checkFlowShape}), and every check
 * made while running is the same as at the root entry: the rule policy and
 * budgets, guards, access to windows and fields, data types, mandatory steps.
 *
 * Its `formatEngineText` renders every text the engine writes; change
 * control's refusals (made by the `@crm/flow-runtime/analysis` entry) render
 * with `{ texts: CHANGE_TEXTS }` from the root entry, or with the root's
 * `formatEngineText`.
 *
 * @example
 * import { createEngine, createMemoryStore } from '@crm/flow-runtime/engine';
 * const engine = createEngine({ store: createMemoryStore(), catalog });
 * await engine.deploy(validatedFlow);
 *
 * @packageDocumentation
 */
import type { Flow } from './schema/flow.js';
import type { ParseResult, Problem } from './schema/problems.js';
import { createEngineWith } from './engine/core.js';
import type { Engine, EngineOptions } from './engine/types.js';

export type * from './engine/types.js';
// The codes' descriptions (ENGINE_ERROR_CODES) are the root entry's: a host here switches on `EngineErrorCode`.
export { EngineError, isEngineError, type EngineErrorCode, type EngineErrorDetails } from './engine/errors.js';
export * from './engine/texts/index.js';
export { createMemoryStore } from './stores/memory.js';
export { FeedPositionError } from './stores/sorted.js';
export type * from './stores/types.js';
export { evaluate, prepareRule, type EvaluateOptions } from './logic/evaluate.js';
export { LogicError, DEFAULT_BUDGET, type EvaluationBudget, type LogicErrorCode } from './logic/budget.js';
export { truthy } from './logic/truthy.js';
export type { Flow, FlowNode, FlowEdge } from './schema/flow.js';
export type { Catalog } from './schema/catalog.js';
export type { Problem, ParseResult } from './schema/problems.js';

const NODE_KINDS = new Set(['start', 'end', 'task', 'decision', 'parallel', 'join', 'wait', 'system', 'subflow']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The light check this entry makes before deploying: the value is shaped like
 * a flow (id, a positive whole version, nodes of known kinds with ids, edges
 * between existing nodes, no text a store cannot keep: FLOW_E017). It is not
 * the full format check of the root entry's `parseFlow`; run that, or
 * `crm-flow validate`, where flows are made.
 */
export function checkFlowShape(input: unknown): ParseResult<Flow> {
  const problems: Problem[] = [];
  const add = (path: string, message: string, code: Problem['code'] = 'FLOW_E011') => problems.push({ code, path, message });
  if (!isObject(input)) {
    add('', 'A flow must be a JSON object.');
    return { ok: false, problems };
  }
  if (typeof input.id !== 'string' || input.id === '') add('/id', 'The flow needs an id (a text).', 'FLOW_E010');
  if (typeof input.version !== 'number' || !Number.isInteger(input.version) || input.version < 1) add('/version', 'The flow needs a version: a whole number from 1.', 'FLOW_E010');
  const ids = new Set<string>();
  if (!Array.isArray(input.nodes)) add('/nodes', 'The flow needs a list of nodes.', 'FLOW_E010');
  else
    input.nodes.forEach((n: unknown, i) => {
      if (!isObject(n) || typeof n.id !== 'string') return add(`/nodes/${i}`, `Node ${i + 1} needs an id.`, 'FLOW_E010');
      if (ids.has(n.id)) add(`/nodes/${i}/id`, `Node id '${n.id}' is used more than once.`, 'FLOW_E020');
      ids.add(n.id);
      if (typeof n.kind !== 'string' || !NODE_KINDS.has(n.kind)) add(`/nodes/${i}/kind`, `Node '${n.id}' has an unknown kind.`, 'FLOW_E015');
    });
  if (!Array.isArray(input.edges)) add('/edges', 'The flow needs a list of edges.', 'FLOW_E010');
  else
    input.edges.forEach((e: unknown, i) => {
      if (!isObject(e) || typeof e.id !== 'string') return add(`/edges/${i}`, `Edge ${i + 1} needs an id.`, 'FLOW_E010');
      for (const end of ['source', 'target'] as const) {
        if (typeof e[end] !== 'string' || !ids.has(e[end])) add(`/edges/${i}/${end}`, `Edge '${e.id}' ${end === 'source' ? 'starts at' : 'goes to'} a node that does not exist.`, 'FLOW_E021');
      }
    });
  if (input.data !== undefined && !isObject(input.data)) add('/data', 'The flow data schema must be an object.');
  // Text no store keeps alike (NUL, half a surrogate pair) anywhere: refused as parseFlow refuses it (which names where), on
  // every store. JSON.stringify writes exactly these as \u0000 and \ud800-\udfff escapes (a whole pair stays as it is).
  let json = '';
  try {
    json = JSON.stringify(input);
  } catch {
    add('', 'A flow must be JSON.');
  }
  if (/(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f])/.test(json)) add('', 'A text holds a NUL or half of a surrogate pair, which no store keeps.', 'FLOW_E017');
  if (problems.length > 0) return { ok: false, problems };
  // A flow that keeps no data of its own has an empty data schema (the engine reads it on every start).
  return { ok: true, value: (input.data === undefined ? { ...input, data: {} } : input) as unknown as Flow, problems: [] };
}

/**
 * Creates an engine that deploys already-validated flows (see the module
 * notes); otherwise the same as the root entry's `createEngine`.
 */
export function createEngine(options: EngineOptions): Engine {
  // The catalog is not needed for the shape check.
  return createEngineWith(options, checkFlowShape);
}
