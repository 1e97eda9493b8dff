/**
 * @crm/flow-runtime — the headless core of CRM Flow: the definition format
 * (catalog and flow, validated by zod), the JsonLogic policy and evaluator,
 * and, in later modules, analysis, the engine and stores.
 *
 * Nothing here imports React, the DOM or Dexie; the Dexie store is the
 * `@crm/flow-runtime/dexie` subpath.
 *
 * @packageDocumentation
 */
export * from './schema/index.js';
export * from './logic/index.js';
export * from './engine/index.js';
export * from './stores/index.js';
export * from './analysis/index.js';
export { describe, describeHours, describeValue, humanize, type DescribeLocale } from './logic/describe/index.js';
export * from './sop/index.js';
// The engine with the deploy check composed in (an explicit export wins over the engine's own `createEngine` above).
export { createEngine, analysisDeployCheck, DEPLOY_BLOCKING_RULES } from './deploy-check.js';
export * from './compare/index.js';
export * from './changes/index.js';
