export { compareFlows, type ChangeKind, type ChangeSubject, type CompareOptions, type FlowChange, type FlowComparison, type RoleImpact } from './compare.js';
