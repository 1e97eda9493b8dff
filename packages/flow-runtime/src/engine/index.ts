export type * from './types.js';
export { EngineError, ENGINE_ERROR_CODES, isEngineError, type DeployFinding, type EngineErrorCode, type EngineErrorDetails } from './errors.js';
export * from './texts/index.js';
export { createEngine } from './engine.js';
export { applyEvent, replay } from './apply.js';
export { decide, actorRef, type Command, type Decision } from './decide.js';
export type { DecideContext, Effect } from './run.js';
export { compileFlow, type CompiledFlow } from './compiled.js';
export { summarize, openTaskRows } from './projections.js';
