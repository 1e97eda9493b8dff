export type * from './types.js';
export { EngineError, ENGINE_ERROR_CODES, isEngineError, type EngineErrorCode, type EngineErrorDetails } from './errors.js';
