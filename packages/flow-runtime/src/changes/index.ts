export { createChangeControl, type CaseImpact, type ChangeControl, type ChangeControlOptions, type MigrationPlan, type ReviewPack } from './control.js';
export { changeLogMarkdown, type ChangeLogOptions } from './changelog.js';
export { proposeNodeMap, type CaseMove } from './migration.js';
export type { LintDelta, LintItem, RoleChange } from './review.js';
export type { ChangeDecision, ChangeEvent, ChangeEventType, ChangeMigration, ChangeNote, ChangeStage, VersionRecord } from './types.js';
