/**
 * `@crm/flow-runtime/precompiled`: JsonLogic rules compiled ahead of time.
 * `generateRulesModule` (or `crm-flow compile-rules`) writes the rules of a
 * set of flows as an ES module of plain code when the host app is built;
 * `precompiledRules` hands that module to `createEngine({ rules })`. Each
 * rule then runs as code of its own — what json-logic-engine's `build` gets
 * from `new Function` — with the closures' results, budget and errors, and
 * under a Content-Security-Policy without 'unsafe-eval'.
 *
 * @packageDocumentation
 */
export { generateRulesModule, type GenerateRulesOptions } from './logic/generate.js';
export { ruleKey, PRECOMPILED_FORMAT } from './logic/precompiled-format.js';
export { precompiledRules, type PrecompiledRulesModule, type RuleFactory, type RuleHelpers, type RuleSource } from './logic/precompiled.js';
export { rulesOfFlow } from './logic/flow-rules.js';
