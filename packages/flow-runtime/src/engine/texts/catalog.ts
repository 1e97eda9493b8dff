/**
 * The message catalog of the engine: every refusal, incident, alert and
 * history line the engine writes, in English. Their Chinese is in `zh.ts`
 * ({@link ENGINE_TEXTS_ZH}, `@crm/flow-runtime/engine/zh`): the root entry's
 * `formatEngineText` knows both; a host of the small `/engine` entry passes
 * the Chinese as `texts` when it wants it. Keys of refusals start with their
 * {@link EngineErrorCode} (`NOT_PERMITTED.task`); the bare code is the
 * general meaning, used when a more precise entry is missing.
 *
 * Adding a text: add an entry here and its Chinese in `zh.ts`, build an
 * {@link EngineText} with its key where the engine produces it (through
 * `refusal()` for errors), and render with `formatEngineText`. The catalog
 * test checks that every entry renders in both languages and that the two
 * tables have the same keys.
 */
import type { CatalogEntry } from './types.js';

const enEnd = (s = '') => (/[.!?]$/.test(s) ? s : `${s}.`);

/** The built-in entries, by key. */
export const ENGINE_TEXTS: Readonly<Record<string, CatalogEntry>> = {
  // ── Refusals: the general meaning of each code ──────────────────────────────
  NOT_PERMITTED: { en: 'You may not do this: none of your roles allows it.' },
  FIELD_NOT_EDITABLE: { en: 'You may not change a field you tried to write.' },
  UNKNOWN_FIELD: { en: 'A field written is not part of this process.' },
  INVALID_VALUE: { en: 'A value does not fit its field.' },
  REQUIRED_MISSING: { en: 'A required field is empty.' },
  GATE_CLOSED: { en: 'A control blocks this step for now.' },
  TASK_NOT_OPEN: { en: 'This task is no longer open.' },
  SAME_ACTOR: { en: 'This step must be done by someone else (separation of duties).' },
  VERSION_CONFLICT: { en: 'Someone else changed this process since you opened it; reload it and try again.' },
  INSTANCE_ENDED: { en: 'This process has ended; nothing more can be done in it.' },
  UNKNOWN_INSTANCE: { en: 'There is no such process instance.' },
  UNKNOWN_FLOW: { en: 'No such flow is deployed.' },
  INVALID_FLOW: { en: 'The flow definition has problems and cannot be deployed.' },
  UNSAFE_FLOW: { en: 'The flow would let a case skip a mandatory step or get stuck; it is not deployed.' },
  VERSION_EXISTS: { en: 'A different definition is already deployed under this id and version.' },
  INVALID_MIGRATION: { en: 'The process cannot be moved to that version.' },
  STORE_FAILED: { en: 'The store could not read or write.' },
  INVALID_CURSOR: { en: 'That page position is not one this list gave out.' },

  // ── Who may do what ────────────────────────────────────────────────────────
  'actor.shape': { en: 'an object { id, roles }' },
  'actor.roles': { en: 'a list of role names' },
  'actor.rolesMax': { en: 'a list of at most {n} role names' },
  'NOT_PERMITTED.start': { en: 'Only {roles} may start {flow}.' },
  'NOT_PERMITTED.task': {
    en: (a) => `Only ${a.s.roles} may do ${a.s.step}${a.has('yours') ? ` (you act as ${a.s.yours})` : ''}.`,
  },
  'NOT_PERMITTED.update': { en: 'You have no open step in this process, so you cannot change its data.' },
  'NOT_PERMITTED.cancel': { en: 'Only the person who started this process or an administrator may cancel it.' },
  'NOT_PERMITTED.cancelNoActor': {
    en: 'Cancelling a process needs the person doing it: the one who started it or an administrator.',
  },
  'NOT_PERMITTED.admin': {
    en: (a) => `Only an administrator (${a.s.roles}) may ${a.s.what}; ${a.s.actor} is not one.`,
  },
  'NOT_PERMITTED.adminNoActor': {
    en: (a) => `Only an administrator (${a.s.roles}) may ${a.s.what}, and no one was named as doing it.`,
  },
  'INVALID_VALUE.time': { en: '{value} is not a time.' },
  'admin.deploy': { en: 'deploy a flow' },
  'admin.migrate': { en: 'move a process to another version' },
  'admin.retire': { en: 'retire a flow version' },

  // ── Writes ─────────────────────────────────────────────────────────────────
  'FIELD_NOT_EDITABLE.onlyIn': { en: 'Only {roles} may change {field} in {step}.' },
  'FIELD_NOT_EDITABLE.onlyElsewhere': { en: 'Only {roles} may change {field}, in {steps}.' },
  'FIELD_NOT_EDITABLE.never': {
    en: (a) => `${upper(a.s.field)} cannot be changed${a.has('step') ? ` in ${a.s.step}` : ''}.`,
  },
  'FIELD_NOT_EDITABLE.atStart': {
    en: (a) => `${upper(a.s.flow)} cannot be started with ${a.s.fields} filled in: that is not for the person starting it to enter.`,
  },
  'FIELD_NOT_EDITABLE.notYours': {
    en: (a) => `You may not change ${a.s.fields} ${a.has('step') ? `in ${a.s.step}` : 'in this process'}.`,
  },
  'UNKNOWN_FIELD.computed': {
    en: "{field}'s {what} is computed from its content: write {field} itself (or one of its items by number), not its {what}.",
  },
  'UNKNOWN_FIELD.listKey': {
    en: "{field} is a list: write one of its items by its number, such as '{example}'; '{key}' is not an item number.",
  },
  'UNKNOWN_FIELD.listIndex': {
    en: (a) =>
      a.raw.count === 0
        ? `${upper(a.s.field)} has no items yet: write item 0 to add the first one; ${a.s.index} would leave a gap.`
        : `${upper(a.s.field)} has ${a.raw.count === 1 ? 'one item' : `${a.s.count} items`}: write ${a.raw.count === 1 ? 'item 0' : `item 0 to ${a.s.last}`}, or item ${a.s.count} to add one at the end; ${a.s.index} would leave a gap.`,
  },
  'UNKNOWN_FIELD.pathTooLong': {
    en: "'{path}' is not a data path: a written path has at most {segments} parts and {chars} characters.",
  },
  'UNKNOWN_FIELD.path': {
    en: (a) => `${a.has('reason') ? upper(a.s.reason) : `'${a.s.path}' is not part of this process's data`}, so it cannot be written.`,
  },
  'INVALID_VALUE.type': { en: (a) => enEnd(upper(a.s.problems)) },
  'INVALID_VALUE.stored': {
    en: (a) => `${a.has('field') ? upper(a.s.field) : 'The data'} cannot be stored: ${a.s.why}.`,
  },
  'INVALID_VALUE.reason': { en: 'Say why the process is cancelled: the reason is kept in its history.' },
  'INVALID_VALUE.limits': { en: (a) => `${upper(a.s.problems)}.` },
  'value.limitWas': { en: '{field} must be {limit} (it is {value})' },
  'limit.notNegative': { en: 'zero or more' },
  'limit.min': { en: 'at least {min}' },
  'limit.max': { en: 'at most {max}' },
  'limit.minLength': { en: 'at least {n} characters long' },
  'limit.maxLength': { en: 'at most {n} characters long' },
  'limit.pattern': { en: (a) => (a.has('hint') ? (a.s.hint ?? '') : `written as ${a.s.pattern ?? ''}`) },
  'limit.notBefore': { en: 'on or after {bound}' },
  'limit.notAfter': { en: 'on or before {bound}' },
  'limit.today': { en: 'today' },
  'limit.todayPlus': { en: (a) => `${a.s.days} days from today` },
  'limit.rule': { en: '{message}' },
  'limit.inline': { en: 'Must be {limit}.' },
  'value.limit': { en: '{field} must be {limit}' },
  'value.mustBe': { en: '{field} must be {problem}' },
  'value.record': { en: 'a record (an object of fields)' },
  'value.list': { en: 'a list' },
  'value.itemField': { en: 'an item whose {item} is {problem}' },
  'value.listWhose': { en: 'a list of items, each {problem}' },
  'value.item': { en: 'an item (an object of its fields: {fields})' },
  'value.itemUnknown': { en: "an item of only its fields ({fields}); '{key}' is not one of them" },
  'value.text': { en: 'text' },
  'value.number': { en: 'a number' },
  'value.integer': { en: 'a whole number' },
  'value.boolean': { en: 'yes or no (true or false)' },
  'value.date': { en: 'a date written YYYY-MM-DD' },
  'value.datetime': { en: 'a date and time (ISO 8601)' },
  'value.option': {
    en: (a) => (a.has('options') ? `one of ${a.s.options}` : 'one of its options'),
  },
  'data.notNumber': { en: '{value} is not a number CRM Flow stores' },
  'data.notData': { en: 'a {type} is not data' },
  'data.tooDeep': { en: 'it is nested more than {max} levels deep' },
  'data.tooMany': { en: 'a write may carry at most {max} values' },
  'data.tooLong': { en: 'a write may carry at most {max} characters of text' },
  'data.badDate': { en: 'the date is not valid' },
  'data.badText': { en: 'it holds a NUL or a broken character' },
  'data.unreadable': { en: 'it cannot be read ({why})' },
  'data.reservedKey': { en: "the key '{key}' is never allowed in data" },
  'REQUIRED_MISSING.step': { en: '{step} needs {fields} before it can be completed.' },
  'GATE_CLOSED.step': { en: '{step} cannot be completed yet: {why}' },

  // ── Tasks and instances ────────────────────────────────────────────────────
  'TASK_NOT_OPEN.done': {
    en: (a) => `${a.s.step} was already completed${a.has('by') ? ` by ${a.s.by}` : ''}.`,
  },
  'TASK_NOT_OPEN.closed': { en: '{step} is no longer open (the process was cancelled or moved on).' },
  'TASK_NOT_OPEN.unknown': { en: "This process has no task '{taskId}'." },
  'TASK_NOT_OPEN.notInVersion': { en: "Step '{nodeId}' is not part of this version of the flow." },
  'SAME_ACTOR.step': { en: '{step} must be done by someone other than the person who did {other} ({by}).' },
  'VERSION_CONFLICT.completed': {
    en: (a) => `${a.s.step} was completed${a.has('by') ? ` by ${a.s.by}` : ''} a moment ago, at the same time as your change; yours was not saved.`,
  },
  'VERSION_CONFLICT.changed': { en: 'Someone else changed this process since you opened it; reload it and try again.' },
  'INSTANCE_ENDED.completed': { en: 'This process finished; nothing more can be done in it.' },
  'INSTANCE_ENDED.cancelled': { en: 'This process was cancelled; nothing more can be done in it.' },
  'UNKNOWN_INSTANCE.id': { en: "There is no process instance '{instanceId}'." },
  'UNKNOWN_FLOW.flow': { en: "No flow '{flowId}' is deployed." },
  FLOW_RETIRED: { en: 'This flow version is retired: no new cases start on it.' },
  'FLOW_RETIRED.version': {
    en: "Version {version} of flow '{flowId}' was retired by {by} on {at} ({reason}); no new cases start on it. Start the current version instead.",
  },
  'FLOW_RETIRED.all': { en: "Every version of flow '{flowId}' is retired; no new cases can start." },
  'INVALID_VALUE.retireReason': { en: 'Say why the version is retired: the reason is kept with it.' },
  'UNKNOWN_FLOW.version': { en: "Version {version} of flow '{flowId}' is not deployed." },

  // ── Deploying and migrating ────────────────────────────────────────────────
  'INVALID_FLOW.problems': {
    en: (a) => `The flow cannot be deployed:${a.s.problems}${a.has('more') ? `\n(and ${a.s.more} more)` : ''}`,
  },
  // ── Definition problems (INVALID_FLOW): English as the parser wrote it, Chinese by code and place ──
  problem: { en: '{message}' },
  'INVALID_FLOW.compile': { en: "Flow '{flowId}' version {version} cannot be run: {why}" },
  'UNSAFE_FLOW.findings': {
    en: (a) => `Flow '${a.s.flowId}' version ${a.s.version} is not deployed: ${a.raw.count === 1 ? 'one problem' : `${a.s.count} problems`} would let a case skip a mandatory step or get stuck:${a.s.findings}`,
  },
  'VERSION_EXISTS.version': {
    en: "Version {version} of flow '{flowId}' is already deployed with different content; deployed versions never change, so give this one a new version number.",
  },
  'INVALID_MIGRATION.problems': { en: '{problems}' },
  'migrate.otherFlow': { en: "Version {version} belongs to flow '{to}', not '{from}'." },
  'migrate.sameVersion': { en: 'The process already runs on version {version}.' },
  'migrate.unknownFrom': { en: "The mapping names step '{nodeId}', which version {version} does not have." },
  'migrate.unknownTo': { en: "The mapping leads to step '{nodeId}', which version {version} does not have." },
  'migrate.standsAt': {
    en: 'The process stands at {step}, which version {version} does not have; map it to a step of version {version}.',
  },
  'migrate.kind': { en: "{step} is {from} but '{target}' in version {version} is {to}." },
  'migrate.skips': { en: 'Moving to {step} would skip the mandatory step {missing}.' },
  'kind.start': { en: 'a start step' },
  'kind.end': { en: 'an end step' },
  'kind.task': { en: 'a task step' },
  'kind.decision': { en: 'a decision step' },
  'kind.parallel': { en: 'a parallel step' },
  'kind.join': { en: 'a join step' },
  'kind.wait': { en: 'a wait step' },
  'kind.system': { en: 'a system step' },
  'kind.subflow': { en: 'a sub-flow step' },

  'STORE_FAILED.store': { en: 'The store failed: {why}' },
  'STORE_FAILED.nesting': { en: 'Sub-flows nest more than 50 levels deep; a flow probably starts itself.' },
  'STORE_FAILED.idTaken': { en: "The id generator gave an id that is already taken ('{id}')." },
  'INVALID_CURSOR.cursor': {
    en: "'{cursor}' is not a cursor of this list; pass the 'next' of the page before, or nothing for the first page.",
  },
  'INVALID_CURSOR.limit': { en: 'A page size must be a whole number of at least 1; got {limit}.' },

  // ── Why a rule could not be evaluated ──────────────────────────────────────
  'logic.LOGIC_POLICY': { en: 'the rule uses something the rule policy forbids ({detail})' },
  'logic.LOGIC_BUDGET': { en: 'the rule ran over its evaluation budget ({detail})' },
  'logic.LOGIC_UNKNOWN_OPERATOR': { en: 'the rule uses an unknown operator ({detail})' },
  'logic.LOGIC_DATA': { en: 'the rule cannot read the data ({detail})' },
  'logic.error': { en: '{detail}' },

  // ── Incidents ──────────────────────────────────────────────────────────────
  'incident.edgeRuleFailed': { en: 'The condition on the way out of {step} could not be evaluated: {why}' },
  'incident.deadEnd': { en: '{step} has no way out, so the process cannot go on.' },
  'incident.noPath': {
    en: 'None of the conditions after {step} holds and there is no default path, so the process cannot go on. Change the data or the flow.',
  },
  'incident.unknownStep': { en: "The process stands at step '{nodeId}', which this version of the flow does not have." },
  'incident.loopLimit': {
    en: 'Automatic steps ran more than {limit} times without stopping at a person (a loop at {step}?).',
  },
  'incident.noBranches': { en: '{step} has no branches.' },
  'incident.assignInvalid': { en: (a) => enEnd(`${upper(a.s.step)} did not store its results: ${a.s.problems}`) },
  'incident.outputInvalid': { en: (a) => enEnd(`${upper(a.s.step)} did not store the sub-flow's results: ${a.s.problems}`) },
  'incident.assignFailed': { en: '{step} could not compute {target}: {why}' },
  'incident.subflowUnavailable': {
    en: (a) => `${a.s.step} runs ${a.has('version') ? `version ${a.s.version} of flow '${a.s.flowId}'` : `flow '${a.s.flowId}'`}, which is not deployed.`,
  },
  'incident.inputFailed': { en: "{step} could not compute the sub-flow's input: {why}" },
  'incident.outputFailed': { en: "{step} could not map the sub-flow's results back: {why}" },
  'incident.mandatorySkipped': { en: 'The process reached {step} without the mandatory step {missing}; it is held there.' },
  'incident.subflowCancelled': { en: 'The sub-flow started by {step} was cancelled ({reason}), so this path cannot go on.' },
  'incident.slaFailed': {
    en: 'The SLA of {step} could not be computed ({why}), so the task is treated as due now and escalates.',
  },
  'incident.timerFailed': {
    en: (a) => `The timer of ${a.s.step} could not be computed (${a.s.why}); ${a.raw.until === true ? 'the wait ends only when its condition holds' : 'the wait ends at once'}.`,
  },
  'incident.waitRuleFailed': {
    en: 'The condition of the wait {step} could not be evaluated ({why}); it keeps waiting until the condition can be evaluated (or its timer, if any).',
  },
  'incident.controlFailed': {
    en: (a) =>
      `The condition of control ${a.s.control} could not be evaluated (${a.s.why}), ${a.raw.gate === true ? 'so the steps it guards are held until it can be' : 'so its alert could not be raised'}.`,
  },

  // ── Alerts ─────────────────────────────────────────────────────────────────
  'alert.overdue': { en: '{step} is overdue: it was due {dueAt}.' },

  // ── History ────────────────────────────────────────────────────────────────
  'history.instance.started': {
    en: (a) => `${upper(a.s.who)} started ${a.s.flow} (version ${a.s.version})${a.has('parent') ? ` as a sub-flow of ${a.s.parent}` : ''}.${a.has('override') ? ` ${a.s.override}` : ''}`,
  },
  'history.deployOverride': {
    en: 'This version was deployed although the deploy check refused it ({rules}); accepted by {by}: {reason}',
  },
  'history.token.moved': { en: 'The process moved to {step}.' },
  'history.token.split': { en: '{step} split into {count} parallel branches.' },
  'history.token.joined': { en: 'All branches reached {step}.' },
  'history.token.held': { en: '{step} is held by {controls}.' },
  'history.token.ended': {
    en: (a) => `A path reached ${a.s.step}${a.has('outcome') ? ` (${a.s.outcome})` : ''}.`,
  },
  'history.decision.taken': {
    en: (a) => `${a.s.step} chose ${a.s.branch}${a.raw.byDefault === true ? ' (the default)' : ''}.`,
  },
  'history.task.opened': {
    en: (a) => `${a.s.step} is waiting for ${a.has('roles') ? a.s.roles : 'anyone'}${a.has('dueAt') ? `, due ${a.s.dueAt}` : ''}.`,
  },
  'history.task.completed': { en: (a) => `${upper(a.s.who)} completed ${a.s.step}.` },
  'history.task.escalated': {
    en: (a) => `${a.s.step} is overdue${a.has('to') ? `; escalated to ${a.s.to}` : ''}.`,
  },
  'history.data.changed': { en: (a) => enEnd(`${upper(a.s.who)} changed ${a.s.changes}`) },
  'history.change': { en: '{field} {from} → {to}' },
  'history.control.changed': {
    en: (a) => `Control ${a.s.control} ${a.raw.holds === true ? 'now holds' : 'no longer holds'}.`,
  },
  'history.alert.raised': {
    en: (a) => `Alert to ${a.has('to') ? a.s.to : 'everyone on the process'}: ${a.s.message}`,
  },
  'history.wait.started': {
    en: (a) => `${a.s.step} is waiting${a.has('dueAt') ? ` until ${a.s.dueAt} at most` : ''}.`,
  },
  'history.wait.ended': {
    en: (a) => `${a.s.step} ended: ${a.raw.reason === 'timer' ? 'the time was up' : 'its condition holds'}.`,
  },
  'history.subflow.started': { en: '{step} started {flow} (version {version}) as {child}.' },
  'history.subflow.completed': {
    en: (a) => `The sub-flow of ${a.s.step} finished${a.has('outcome') ? ` (${a.s.outcome})` : ''}.`,
  },
  'history.incident.raised': { en: 'Incident: {message}' },
  'history.incident.resolved': { en: 'Incident {incidentId} is resolved.' },
  'history.instance.completed': {
    en: (a) => `The process finished at ${a.s.step}${a.has('outcome') ? ` with outcome ${a.s.outcome}` : ''}.`,
  },
  'history.instance.cancelled': { en: (a) => `${upper(a.s.who)} cancelled the process: ${a.s.reason}` },
  'history.instance.migrated': { en: (a) => `${upper(a.s.who)} moved the process from version ${a.s.from} to version ${a.s.to}.` },
};

function upper(s = ''): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
