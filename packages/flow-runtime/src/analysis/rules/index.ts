import type { LintRule } from '../types.js';
import { alertHasRecipient } from './alert-has-recipient.js';
import { branchNeverTaken } from './branch-never-taken.js';
import { constraintsSatisfiable } from './constraints-satisfiable.js';
import { decisionBranchesLabelled } from './decision-branches-labelled.js';
import { decisionHasDefault } from './decision-has-default.js';
import { duplicateLabels } from './duplicate-labels.js';
import { edgeEndsValid } from './edge-ends-valid.js';
import { endReachable } from './end-reachable.js';
import { guardPolicy } from './guard-policy.js';
import { guardTypes } from './guard-types.js';
import { guardVarsKnown } from './guard-vars-known.js';
import { joinAfterExclusive } from './join-after-exclusive.js';
import { labelRequired } from './label-required.js';
import { mandatoryNotBypassed } from './mandatory-not-bypassed.js';
import { noDeadEnd } from './no-dead-end.js';
import { noImplicitSplit } from './no-implicit-split.js';
import { noUnreachable } from './no-unreachable.js';
import { notifyNobody } from './notify-nobody.js';
import { parallelJoinBalanced } from './parallel-join-balanced.js';
import { rolesCanUseWindow } from './roles-can-use-window.js';
import { singleStart } from './single-start.js';
import { subflowExists } from './subflow-exists.js';
import { taskHasDepartment } from './task-has-department.js';
import { taskHasRoles } from './task-has-roles.js';
import { taskHasWindow } from './task-has-window.js';
import { uncoveredValues } from './uncovered-values.js';
import { uniqueIds } from './unique-ids.js';
import { waitWithoutExit } from './wait-without-exit.js';
import { windowRecordBound } from './window-record-bound.js';
import { conditionNeverTrue } from './condition-never-true.js';
import { guardOnOnlyExit } from './guard-on-only-exit.js';
import { unguardedBranchFirst } from './unguarded-branch-first.js';
import { noDuplicateEdges } from './no-duplicate-edges.js';
import { superfluousDecision } from './superfluous-decision.js';
import { decisionSingleDefault } from './decision-single-default.js';
import { waitDataNeverWritten } from './wait-data-never-written.js';
import { separationOfDutiesOrder } from './separation-of-duties-order.js';
import { noUnusedVariables } from './no-unused-variables.js';
import { noUnusedControls } from './no-unused-controls.js';
import { joinMatchesSplit } from './join-matches-split.js';
import { noAutomaticLoop } from './no-automatic-loop.js';

/** Every lint rule, in the order findings are listed: structure, then steps, then conditions, then wording. */
export const RULES: ReadonlyArray<LintRule> = [
  singleStart,
  uniqueIds,
  edgeEndsValid,
  noUnreachable,
  noDeadEnd,
  endReachable,
  noAutomaticLoop,
  noImplicitSplit,
  noDuplicateEdges,
  guardOnOnlyExit,
  decisionHasDefault,
  decisionSingleDefault,
  superfluousDecision,
  parallelJoinBalanced,
  joinAfterExclusive,
  joinMatchesSplit,
  mandatoryNotBypassed,
  waitWithoutExit,
  waitDataNeverWritten,
  taskHasDepartment,
  taskHasRoles,
  taskHasWindow,
  windowRecordBound,
  rolesCanUseWindow,
  alertHasRecipient,
  notifyNobody,
  subflowExists,
  separationOfDutiesOrder,
  guardPolicy,
  guardVarsKnown,
  guardTypes,
  unguardedBranchFirst,
  branchNeverTaken,
  conditionNeverTrue,
  uncoveredValues,
  constraintsSatisfiable,
  decisionBranchesLabelled,
  labelRequired,
  duplicateLabels,
  noUnusedVariables,
  noUnusedControls,
];
