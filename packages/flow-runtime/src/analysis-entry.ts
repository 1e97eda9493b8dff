/**
 * `@crm/flow-runtime/analysis` — the tools for writing and reviewing flows,
 * kept out of the root entry so a host that only runs flows does not ship
 * them: the linter (`validate`, `lintFlow`, the rules and their hints),
 * metrics and paths, test scenarios, the SOP writer (`toSop`), `compareFlows`,
 * and change control (`createChangeControl`, `changeLogMarkdown`,
 * `proposeNodeMap`).
 *
 * The format, evaluator, engine and stores are the root entry
 * (`@crm/flow-runtime`); this entry builds on them and re-exports none.
 *
 * @example
 * import { parseCatalog } from '@crm/flow-runtime';
 * import { validate } from '@crm/flow-runtime/analysis';
 * const result = validate(flowJson, { catalog });
 *
 * @packageDocumentation
 */
export * from './analysis/index.js';
export * from './sop/index.js';
export * from './compare/index.js';
export { createChangeControl, changeLogMarkdown, proposeNodeMap } from './changes/index.js';
export type { CaseImpact, CaseMove, ChangeControl, ChangeControlOptions, ChangeLogOptions, LintDelta, LintItem, MigrationPlan, ReviewPack, RoleChange } from './changes/index.js';
