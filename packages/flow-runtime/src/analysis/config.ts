import type { RuleSetting } from './types.js';

/**
 * The recommended severities. Errors stop a flow from going live (the
 * process could get stuck, skip a control, or nobody could do a step);
 * warnings make it harder to read or to run well.
 */
export const recommended: Readonly<Record<string, RuleSetting>> = {
  'single-start': 'error',
  'unique-ids': 'error',
  'edge-ends-valid': 'error',
  'no-unreachable': 'error',
  'no-dead-end': 'error',
  'end-reachable': 'error',
  'no-implicit-split': 'error',
  'no-duplicate-edges': 'error',
  'guard-on-only-exit': 'error',
  'decision-has-default': 'warning',
  'decision-single-default': 'error',
  'superfluous-decision': 'warning',
  'parallel-join-balanced': 'error',
  'join-after-exclusive': 'error',
  'join-matches-split': 'warning',
  'mandatory-not-bypassed': 'error',
  'wait-without-exit': 'error',
  'wait-data-never-written': 'error',
  'task-has-department': 'error',
  'task-has-roles': 'error',
  'task-has-window': 'warning',
  'window-record-bound': 'error',
  'roles-can-use-window': 'error',
  'alert-has-recipient': 'error',
  'notify-nobody': 'warning',
  'subflow-exists': 'error',
  'separation-of-duties-order': 'error',
  'guard-policy': 'error',
  'guard-vars-known': 'error',
  'guard-types': 'error',
  'unguarded-branch-first': 'error',
  'branch-never-taken': 'error',
  'condition-never-true': 'error',
  'uncovered-values': 'error',
  'constraints-satisfiable': 'error',
  'decision-branches-labelled': 'warning',
  'label-required': 'warning',
  'duplicate-labels': 'warning',
  'no-unused-variables': 'warning',
  'no-unused-controls': 'warning',
};
