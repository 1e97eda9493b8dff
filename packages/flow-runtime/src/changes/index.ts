export { createChangeControl, type ChangeControl, type ChangeControlOptions } from './control.js';
export type { ChangeDecision, ChangeEvent, ChangeEventType, ChangeMigration, ChangeNote, ChangeStage, VersionRecord } from './types.js';
