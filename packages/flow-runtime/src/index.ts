/**
 * @crm/flow-runtime — the headless core of CRM Flow, for a host that embeds
 * it: the definition format (catalog and flow, validated by zod), the
 * JsonLogic policy, evaluator and `describe()`, the engine (whose deploy
 * refuses flows that could skip a mandatory step or get a case stuck) and
 * the memory store.
 *
 * The other entries: `@crm/flow-runtime/analysis` (lint, metrics, paths,
 * scenarios, SOP, compare, change control and change logs — the tools for
 * writing and reviewing flows), `@crm/flow-runtime/engine` (the engine alone,
 * smallest, for already-validated flows), `@crm/flow-runtime/dexie` (the
 * IndexedDB store) and `@crm/flow-runtime/json-schema`.
 *
 * Nothing here imports React, the DOM or Dexie.
 *
 * @packageDocumentation
 */
export * from './schema/index.js';
export * from './logic/index.js';
export * from './engine/index.js';
export * from './stores/index.js';
export { describe, describeHours, describeValue, humanize, type DescribeLocale } from './logic/describe/index.js';
// What a store keeps of change control (versions, drafts, approvals): part of the FlowStore contract.
export type { ChangeDecision, ChangeEvent, ChangeEventType, ChangeMigration, ChangeNote, ChangeStage, VersionRecord } from './changes/types.js';
// The engine's texts, the change-control texts and the definition problems' Chinese, rendered by one
// `formatEngineText` (wins over the engine's own above). ENGINE_ERROR_CODES comes with the engine above.
export { formatEngineText, CHANGE_TEXTS, PROBLEM_TEXTS, ENGINE_TEXTS, ENGINE_TEXTS_ZH } from './format-texts.js';
// The engine with the deploy check composed in (an explicit export wins over the engine's own `createEngine` above).
export { createEngine, analysisDeployCheck, DEPLOY_BLOCKING_RULES } from './deploy-check.js';
