/**
 * The message catalog of the engine: every refusal, incident, alert and
 * history line the engine writes, in English and Chinese. Keys of refusals
 * start with their {@link EngineErrorCode} (`NOT_PERMITTED.task`); the bare
 * code is the general meaning, used when a more precise entry is missing.
 *
 * Adding a text: add an entry here (both languages), build an
 * {@link EngineText} with its key where the engine produces it (through
 * `refusal()` for errors), and render with `formatEngineText`. The catalog
 * test checks that every entry renders in both languages.
 */
import type { TextEntry } from './types.js';

const zhEnd = (s = '') => (/[。！？）”]$/.test(s) ? s : `${s}。`);
const enEnd = (s = '') => (/[.!?]$/.test(s) ? s : `${s}.`);

/**
 * The entry of every `problem.<code>` key (a key falls back to its first
 * part): English is the parser's own message; Chinese says what is wrong by
 * the code (`zh`), at its place in the definition.
 */
export const problemEntry = (zh: Readonly<Record<string, string>>): TextEntry => ({
  en: '{message}',
  zh: (a) => {
    const code = a.key.slice(8);
    return `${a.has('path') ? `${a.s.path}：` : ''}${Object.prototype.hasOwnProperty.call(zh, code) ? zh[code] : '定义有误'}。`;
  },
});

/**
 * The problems this catalog says in Chinese: those the engine entry's own
 * deploy check finds (`checkFlowShape`). The full format check (`parseFlow`,
 * root entry) finds more; the root entry's `formatEngineText` knows them all
 * (`PROBLEM_TEXTS`).
 */
export const SHAPE_PROBLEMS_ZH: Readonly<Record<string, string>> = {
  FLOW_E010: '缺少必填属性',
  FLOW_E011: '值的类型不对',
  FLOW_E015: '节点类型未知',
  FLOW_E020: '编号重复使用',
  FLOW_E021: '引用的节点不存在',
};

/** The built-in entries, by key. */
export const ENGINE_TEXTS: Readonly<Record<string, TextEntry>> = {
  // ── Refusals: the general meaning of each code ──────────────────────────────
  NOT_PERMITTED: { en: 'You may not do this: none of your roles allows it.', zh: '你无权执行此操作：你的角色都不允许。' },
  FIELD_NOT_EDITABLE: { en: 'You may not change a field you tried to write.', zh: '你无权修改所填写的某个字段。' },
  UNKNOWN_FIELD: { en: 'A field written is not part of this process.', zh: '所写的字段不属于此流程。' },
  INVALID_VALUE: { en: 'A value does not fit its field.', zh: '某个值不符合字段要求。' },
  REQUIRED_MISSING: { en: 'A required field is empty.', zh: '有必填字段为空。' },
  GATE_CLOSED: { en: 'A control blocks this step for now.', zh: '此步骤目前被管控点阻止。' },
  TASK_NOT_OPEN: { en: 'This task is no longer open.', zh: '此任务已不再开放。' },
  SAME_ACTOR: { en: 'This step must be done by someone else (separation of duties).', zh: '此步骤须由其他人完成（职责分离）。' },
  VERSION_CONFLICT: { en: 'Someone else changed this process since you opened it; reload it and try again.', zh: '你打开后已有其他人修改了此流程，请刷新后重试。' },
  INSTANCE_ENDED: { en: 'This process has ended; nothing more can be done in it.', zh: '此流程已结束，无法再进行任何操作。' },
  UNKNOWN_INSTANCE: { en: 'There is no such process instance.', zh: '不存在此流程实例。' },
  UNKNOWN_FLOW: { en: 'No such flow is deployed.', zh: '没有部署这个流程。' },
  INVALID_FLOW: { en: 'The flow definition has problems and cannot be deployed.', zh: '流程定义有问题，无法部署。' },
  UNSAFE_FLOW: { en: 'The flow would let a case skip a mandatory step or get stuck; it is not deployed.', zh: '该流程可能让案例跳过必经步骤或卡住，未予部署。' },
  VERSION_EXISTS: { en: 'A different definition is already deployed under this id and version.', zh: '此编号和版本下已部署了不同的定义。' },
  INVALID_MIGRATION: { en: 'The process cannot be moved to that version.', zh: '无法将流程迁移到该版本。' },
  STORE_FAILED: { en: 'The store could not read or write.', zh: '存储无法读写。' },
  INVALID_CURSOR: { en: 'That page position is not one this list gave out.', zh: '该分页位置不是此列表给出的。' },

  // ── Who may do what ────────────────────────────────────────────────────────
  'NOT_PERMITTED.start': { en: 'Only {roles} may start {flow}.', zh: '只有{roles}可以发起{flow}。' },
  'NOT_PERMITTED.task': {
    en: (a) => `Only ${a.s.roles} may do ${a.s.step}${a.has('yours') ? ` (you act as ${a.s.yours})` : ''}.`,
    zh: (a) => `只有${a.s.roles}可以处理${a.s.step}${a.has('yours') ? `（你的角色是${a.s.yours}）` : ''}。`,
  },
  'NOT_PERMITTED.update': { en: 'You have no open step in this process, so you cannot change its data.', zh: '你在此流程中没有待办步骤，因此不能修改其数据。' },
  'NOT_PERMITTED.cancel': { en: 'Only the person who started this process or an administrator may cancel it.', zh: '只有发起此流程的人或管理员可以取消它。' },
  'NOT_PERMITTED.cancelNoActor': {
    en: 'Cancelling a process needs the person doing it: the one who started it or an administrator.',
    zh: '取消流程必须指明操作人：发起人或管理员。',
  },
  'NOT_PERMITTED.admin': {
    en: (a) => `Only an administrator (${a.s.roles}) may ${a.s.what}; ${a.s.actor} is not one.`,
    zh: (a) => `只有管理员（${a.s.roles}）可以${a.s.what}；${a.s.actor}不是管理员。`,
  },
  'NOT_PERMITTED.adminNoActor': {
    en: (a) => `Only an administrator (${a.s.roles}) may ${a.s.what}, and no one was named as doing it.`,
    zh: (a) => `只有管理员（${a.s.roles}）可以${a.s.what}，但没有指明操作人。`,
  },
  'INVALID_VALUE.time': { en: '{value} is not a time.', zh: '{value}不是时间。' },
  'admin.deploy': { en: 'deploy a flow', zh: '部署流程' },
  'admin.migrate': { en: 'move a process to another version', zh: '将流程迁移到其他版本' },
  'admin.retire': { en: 'retire a flow version', zh: '停用流程版本' },

  // ── Writes ─────────────────────────────────────────────────────────────────
  'FIELD_NOT_EDITABLE.onlyIn': { en: 'Only {roles} may change {field} in {step}.', zh: '只有{roles}可以在{step}中修改{field}。' },
  'FIELD_NOT_EDITABLE.onlyElsewhere': { en: 'Only {roles} may change {field}, in {steps}.', zh: '只有{roles}可以修改{field}（在{steps}中）。' },
  'FIELD_NOT_EDITABLE.never': {
    en: (a) => `${upper(a.s.field)} cannot be changed${a.has('step') ? ` in ${a.s.step}` : ''}.`,
    zh: (a) => `${a.has('step') ? `在${a.s.step}中` : ''}不能修改${a.s.field}。`,
  },
  'FIELD_NOT_EDITABLE.atStart': {
    en: (a) => `${upper(a.s.flow)} cannot be started with ${a.s.fields} filled in: that is not for the person starting it to enter.`,
    zh: (a) => `发起${a.s.flow}时不能填写${a.s.fields}：这些内容不由发起人填写。`,
  },
  'FIELD_NOT_EDITABLE.notYours': {
    en: (a) => `You may not change ${a.s.fields} ${a.has('step') ? `in ${a.s.step}` : 'in this process'}.`,
    zh: (a) => `你不能${a.has('step') ? `在${a.s.step}中` : '在此流程中'}修改${a.s.fields}。`,
  },
  'UNKNOWN_FIELD.computed': {
    en: "{field}'s {what} is computed from its content: write {field} itself (or one of its items by number), not its {what}.",
    zh: '{field}的{what}由其内容计算得出：请写入{field}本身（或按序号写入其中一个条目），不能写入其{what}。',
  },
  'UNKNOWN_FIELD.listKey': {
    en: "{field} is a list: write one of its items by its number, such as '{example}'; '{key}' is not an item number.",
    zh: '{field}是一个列表：请按序号写入其中一个条目，例如“{example}”；“{key}”不是条目序号。',
  },
  'UNKNOWN_FIELD.listIndex': {
    en: (a) =>
      a.raw.count === 0
        ? `${upper(a.s.field)} has no items yet: write item 0 to add the first one; ${a.s.index} would leave a gap.`
        : `${upper(a.s.field)} has ${a.raw.count === 1 ? 'one item' : `${a.s.count} items`}: write ${a.raw.count === 1 ? 'item 0' : `item 0 to ${a.s.last}`}, or item ${a.s.count} to add one at the end; ${a.s.index} would leave a gap.`,
    zh: (a) =>
      a.raw.count === 0
        ? `${a.s.field}还没有条目：写入第 0 项即添加第一项；写入第 ${a.s.index} 项会留下空缺。`
        : `${a.s.field}有 ${a.s.count} 个条目：可写入第 0${a.raw.count === 1 ? '' : ` 至 ${a.s.last}`} 项，或写入第 ${a.s.count} 项在末尾添加；写入第 ${a.s.index} 项会留下空缺。`,
  },
  'UNKNOWN_FIELD.pathTooLong': {
    en: "'{path}' is not a data path: a written path has at most {segments} parts and {chars} characters.",
    zh: '“{path}”不是数据路径：写入的路径最多 {segments} 段、{chars} 个字符。',
  },
  'UNKNOWN_FIELD.path': {
    en: (a) => `${a.has('reason') ? upper(a.s.reason) : `'${a.s.path}' is not part of this process's data`}, so it cannot be written.`,
    zh: (a) => `“${a.s.path}”不是此流程的数据，无法写入。`,
  },
  'INVALID_VALUE.type': { en: (a) => enEnd(upper(a.s.problems)), zh: (a) => zhEnd(a.s.problems) },
  'INVALID_VALUE.stored': {
    en: (a) => `${a.has('field') ? upper(a.s.field) : 'The data'} cannot be stored: ${a.s.why}.`,
    zh: (a) => `${a.has('field') ? a.s.field : '数据'}无法保存：${a.s.why}。`,
  },
  'INVALID_VALUE.reason': { en: 'Say why the process is cancelled: the reason is kept in its history.', zh: '请说明取消流程的原因：原因会记入其历史。' },
  'INVALID_VALUE.limits': { en: (a) => `${upper(a.s.problems)}.`, zh: '{problems}。' },
  'value.limitWas': { en: '{field} must be {limit} (it is {value})', zh: '{field}必须{limit}（当前为{value}）' },
  'limit.notNegative': { en: 'zero or more', zh: '不小于 0' },
  'limit.min': { en: 'at least {min}', zh: '不小于 {min}' },
  'limit.max': { en: 'at most {max}', zh: '不大于 {max}' },
  'limit.minLength': { en: 'at least {n} characters long', zh: '至少 {n} 个字符' },
  'limit.maxLength': { en: 'at most {n} characters long', zh: '最多 {n} 个字符' },
  'limit.pattern': { en: (a) => (a.has('hint') ? (a.s.hint ?? '') : `written as ${a.s.pattern ?? ''}`), zh: (a) => (a.has('hint') ? `符合格式：${a.s.hint}` : `符合格式 ${a.s.pattern}`) },
  'limit.notBefore': { en: 'on or after {bound}', zh: '不早于{bound}' },
  'limit.notAfter': { en: 'on or before {bound}', zh: '不晚于{bound}' },
  'limit.today': { en: 'today', zh: '今天' },
  'limit.todayPlus': { en: (a) => `${a.s.days} days from today`, zh: '今天起 {days} 天' },
  'limit.rule': { en: '{message}', zh: '{message}' },
  'limit.inline': { en: 'Must be {limit}.', zh: '必须{limit}。' },
  'value.limit': { en: '{field} must be {limit}', zh: '{field}必须{limit}' },
  'value.mustBe': { en: '{field} must be {problem}', zh: '{field}必须是{problem}' },
  'value.record': { en: 'a record (an object of fields)', zh: '一条记录（字段对象）' },
  'value.list': { en: 'a list', zh: '一个列表' },
  'value.itemField': { en: 'an item whose {item} is {problem}', zh: '条目，且其{item}是{problem}' },
  'value.listWhose': { en: 'a list of items, each {problem}', zh: '由条目组成的列表，每个条目都是{problem}' },
  'value.item': { en: 'an item (an object of its fields: {fields})', zh: '一个条目（由其字段组成的对象：{fields}）' },
  'value.itemUnknown': { en: "an item of only its fields ({fields}); '{key}' is not one of them", zh: '只含其字段（{fields}）的条目；“{key}”不是其中之一' },
  'value.text': { en: 'text', zh: '文本' },
  'value.number': { en: 'a number', zh: '数字' },
  'value.integer': { en: 'a whole number', zh: '整数' },
  'value.boolean': { en: 'yes or no (true or false)', zh: '是或否（true 或 false）' },
  'value.date': { en: 'a date written YYYY-MM-DD', zh: '格式为 YYYY-MM-DD 的日期' },
  'value.datetime': { en: 'a date and time (ISO 8601)', zh: '日期时间（ISO 8601）' },
  'value.option': {
    en: (a) => (a.has('options') ? `one of ${a.s.options}` : 'one of its options'),
    zh: (a) => (a.has('options') ? `以下选项之一：${a.s.options}` : '其选项之一'),
  },
  'data.notNumber': { en: '{value} is not a number CRM Flow stores', zh: '{value}不是可保存的数字' },
  'data.notData': { en: 'a {type} is not data', zh: '{type}类型不是数据' },
  'data.tooDeep': { en: 'it is nested more than {max} levels deep', zh: '嵌套超过{max}层' },
  'data.tooMany': { en: 'a write may carry at most {max} values', zh: '一次写入最多包含{max}个值' },
  'data.tooLong': { en: 'a write may carry at most {max} characters of text', zh: '一次写入的文本最多{max}个字符' },
  'data.badDate': { en: 'the date is not valid', zh: '日期无效' },
  'data.badText': { en: 'it holds a NUL or a broken character', zh: '含有空字符或残缺字符' },
  'data.unreadable': { en: 'it cannot be read ({why})', zh: '无法读取（{why}）' },
  'data.reservedKey': { en: "the key '{key}' is never allowed in data", zh: '数据中不允许使用键“{key}”' },
  'REQUIRED_MISSING.step': { en: '{step} needs {fields} before it can be completed.', zh: '{step}需要先填写{fields}才能完成。' },
  'GATE_CLOSED.step': { en: '{step} cannot be completed yet: {why}', zh: '{step}暂时不能完成：{why}' },

  // ── Tasks and instances ────────────────────────────────────────────────────
  'TASK_NOT_OPEN.done': {
    en: (a) => `${a.s.step} was already completed${a.has('by') ? ` by ${a.s.by}` : ''}.`,
    zh: (a) => `${a.s.step}已${a.has('by') ? `由${a.s.by}` : ''}完成。`,
  },
  'TASK_NOT_OPEN.closed': { en: '{step} is no longer open (the process was cancelled or moved on).', zh: '{step}已不再开放（流程已取消或已继续）。' },
  'TASK_NOT_OPEN.unknown': { en: "This process has no task '{taskId}'.", zh: '此流程没有任务“{taskId}”。' },
  'TASK_NOT_OPEN.notInVersion': { en: "Step '{nodeId}' is not part of this version of the flow.", zh: '步骤“{nodeId}”不属于此版本的流程。' },
  'SAME_ACTOR.step': { en: '{step} must be done by someone other than the person who did {other} ({by}).', zh: '{step}必须由完成{other}的人（{by}）以外的人处理。' },
  'VERSION_CONFLICT.completed': {
    en: (a) => `${a.s.step} was completed${a.has('by') ? ` by ${a.s.by}` : ''} a moment ago, at the same time as your change; yours was not saved.`,
    zh: (a) => `${a.s.step}刚刚已${a.has('by') ? `由${a.s.by}` : ''}完成，与你的修改同时发生；你的修改未保存。`,
  },
  'VERSION_CONFLICT.changed': { en: 'Someone else changed this process since you opened it; reload it and try again.', zh: '你打开后已有其他人修改了此流程，请刷新后重试。' },
  'INSTANCE_ENDED.completed': { en: 'This process finished; nothing more can be done in it.', zh: '此流程已完成，无法再进行任何操作。' },
  'INSTANCE_ENDED.cancelled': { en: 'This process was cancelled; nothing more can be done in it.', zh: '此流程已取消，无法再进行任何操作。' },
  'UNKNOWN_INSTANCE.id': { en: "There is no process instance '{instanceId}'.", zh: '不存在流程实例“{instanceId}”。' },
  'UNKNOWN_FLOW.flow': { en: "No flow '{flowId}' is deployed.", zh: '没有部署流程“{flowId}”。' },
  FLOW_RETIRED: { en: 'This flow version is retired: no new cases start on it.', zh: '此流程版本已停用：不能再发起新的单据。' },
  'FLOW_RETIRED.version': {
    en: "Version {version} of flow '{flowId}' was retired by {by} on {at} ({reason}); no new cases start on it. Start the current version instead.",
    zh: '流程“{flowId}”的第 {version} 版已于 {at} 由{by}停用（{reason}），不能再发起新的单据。请使用当前版本。',
  },
  'FLOW_RETIRED.all': { en: "Every version of flow '{flowId}' is retired; no new cases can start.", zh: '流程“{flowId}”的所有版本都已停用，不能再发起新的单据。' },
  'INVALID_VALUE.retireReason': { en: 'Say why the version is retired: the reason is kept with it.', zh: '请说明停用该版本的原因：原因会随版本保存。' },
  'UNKNOWN_FLOW.version': { en: "Version {version} of flow '{flowId}' is not deployed.", zh: '流程“{flowId}”的第 {version} 版未部署。' },

  // ── Deploying and migrating ────────────────────────────────────────────────
  'INVALID_FLOW.problems': {
    en: (a) => `The flow cannot be deployed:${a.s.problems}${a.has('more') ? `\n(and ${a.s.more} more)` : ''}`,
    zh: (a) => `流程无法部署：${a.s.problems}${a.has('more') ? `\n（另有 ${a.s.more} 个问题）` : ''}`,
  },
  // ── Definition problems (INVALID_FLOW): English as the parser wrote it, Chinese by code and place ──
  problem: problemEntry(SHAPE_PROBLEMS_ZH),
  'INVALID_FLOW.compile': { en: "Flow '{flowId}' version {version} cannot be run: {why}", zh: '流程“{flowId}”第 {version} 版无法运行：{why}' },
  'UNSAFE_FLOW.findings': {
    en: (a) => `Flow '${a.s.flowId}' version ${a.s.version} is not deployed: ${a.raw.count === 1 ? 'one problem' : `${a.s.count} problems`} would let a case skip a mandatory step or get stuck:${a.s.findings}`,
    zh: (a) => `流程“${a.s.flowId}”第 ${a.s.version} 版未部署：有 ${a.s.count} 个问题可能让案例跳过必经步骤或卡住：${a.s.findings}`,
  },
  'VERSION_EXISTS.version': {
    en: "Version {version} of flow '{flowId}' is already deployed with different content; deployed versions never change, so give this one a new version number.",
    zh: '流程“{flowId}”的第 {version} 版已以不同内容部署；已部署的版本不会改变，请为此版本使用新的版本号。',
  },
  'INVALID_MIGRATION.problems': { en: '{problems}', zh: '{problems}' },
  'migrate.otherFlow': { en: "Version {version} belongs to flow '{to}', not '{from}'.", zh: '第 {version} 版属于流程“{to}”，而不是“{from}”。' },
  'migrate.sameVersion': { en: 'The process already runs on version {version}.', zh: '流程已在第 {version} 版上运行。' },
  'migrate.unknownFrom': { en: "The mapping names step '{nodeId}', which version {version} does not have.", zh: '映射中的步骤“{nodeId}”在第 {version} 版中不存在。' },
  'migrate.unknownTo': { en: "The mapping leads to step '{nodeId}', which version {version} does not have.", zh: '映射指向的步骤“{nodeId}”在第 {version} 版中不存在。' },
  'migrate.standsAt': {
    en: 'The process stands at {step}, which version {version} does not have; map it to a step of version {version}.',
    zh: '流程停在{step}，而第 {version} 版没有该步骤；请将其映射到第 {version} 版的某个步骤。',
  },
  'migrate.kind': { en: "{step} is {from} but '{target}' in version {version} is {to}.", zh: '{step}是{from}，但第 {version} 版中的“{target}”是{to}。' },
  'migrate.skips': { en: 'Moving to {step} would skip the mandatory step {missing}.', zh: '迁移到{step}会跳过必经步骤{missing}。' },
  'kind.start': { en: 'a start step', zh: '开始步骤' },
  'kind.end': { en: 'an end step', zh: '结束步骤' },
  'kind.task': { en: 'a task step', zh: '任务步骤' },
  'kind.decision': { en: 'a decision step', zh: '判断步骤' },
  'kind.parallel': { en: 'a parallel step', zh: '并行步骤' },
  'kind.join': { en: 'a join step', zh: '汇合步骤' },
  'kind.wait': { en: 'a wait step', zh: '等待步骤' },
  'kind.system': { en: 'a system step', zh: '系统步骤' },
  'kind.subflow': { en: 'a sub-flow step', zh: '子流程步骤' },

  'STORE_FAILED.store': { en: 'The store failed: {why}', zh: '存储失败：{why}' },
  'STORE_FAILED.nesting': { en: 'Sub-flows nest more than 50 levels deep; a flow probably starts itself.', zh: '子流程嵌套超过 50 层；可能有流程在启动自身。' },
  'STORE_FAILED.idTaken': { en: "The id generator gave an id that is already taken ('{id}').", zh: '编号生成器给出了已被占用的编号（“{id}”）。' },
  'INVALID_CURSOR.cursor': {
    en: "'{cursor}' is not a cursor of this list; pass the 'next' of the page before, or nothing for the first page.",
    zh: '“{cursor}”不是此列表的分页位置；请传入上一页的 next，第一页则不传。',
  },
  'INVALID_CURSOR.limit': { en: 'A page size must be a whole number of at least 1; got {limit}.', zh: '每页条数必须是不小于 1 的整数；收到的是 {limit}。' },

  // ── Why a rule could not be evaluated ──────────────────────────────────────
  'logic.LOGIC_POLICY': { en: 'the rule uses something the rule policy forbids ({detail})', zh: '规则使用了规则策略禁止的内容（{detail}）' },
  'logic.LOGIC_BUDGET': { en: 'the rule ran over its evaluation budget ({detail})', zh: '规则超出了计算预算（{detail}）' },
  'logic.LOGIC_UNKNOWN_OPERATOR': { en: 'the rule uses an unknown operator ({detail})', zh: '规则使用了未知运算符（{detail}）' },
  'logic.LOGIC_DATA': { en: 'the rule cannot read the data ({detail})', zh: '规则无法读取数据（{detail}）' },
  'logic.error': { en: '{detail}', zh: '{detail}' },

  // ── Incidents ──────────────────────────────────────────────────────────────
  'incident.edgeRuleFailed': { en: 'The condition on the way out of {step} could not be evaluated: {why}', zh: '{step}之后的条件无法计算：{why}' },
  'incident.deadEnd': { en: '{step} has no way out, so the process cannot go on.', zh: '{step}没有出口，流程无法继续。' },
  'incident.noPath': {
    en: 'None of the conditions after {step} holds and there is no default path, so the process cannot go on. Change the data or the flow.',
    zh: '{step}之后的条件都不成立，且没有默认路径，流程无法继续。请修改数据或流程。',
  },
  'incident.unknownStep': { en: "The process stands at step '{nodeId}', which this version of the flow does not have.", zh: '流程停在步骤“{nodeId}”，而此版本的流程没有该步骤。' },
  'incident.loopLimit': {
    en: 'Automatic steps ran more than {limit} times without stopping at a person (a loop at {step}?).',
    zh: '自动步骤连续运行超过 {limit} 次而未交给任何人处理（{step}处可能有循环）。',
  },
  'incident.noBranches': { en: '{step} has no branches.', zh: '{step}没有分支。' },
  'incident.assignInvalid': { en: (a) => `${upper(a.s.step)} did not store its results: ${a.s.problems}.`, zh: '{step}未保存其结果：{problems}。' },
  'incident.outputInvalid': { en: (a) => `${upper(a.s.step)} did not store the sub-flow's results: ${a.s.problems}.`, zh: '{step}未保存子流程的结果：{problems}。' },
  'incident.assignFailed': { en: '{step} could not compute {target}: {why}', zh: '{step}无法计算{target}：{why}' },
  'incident.subflowUnavailable': {
    en: (a) => `${a.s.step} runs ${a.has('version') ? `version ${a.s.version} of flow '${a.s.flowId}'` : `flow '${a.s.flowId}'`}, which is not deployed.`,
    zh: (a) => `${a.s.step}要运行${a.has('version') ? `流程“${a.s.flowId}”的第 ${a.s.version} 版` : `流程“${a.s.flowId}”`}，但它未部署。`,
  },
  'incident.inputFailed': { en: "{step} could not compute the sub-flow's input: {why}", zh: '{step}无法计算子流程的输入：{why}' },
  'incident.outputFailed': { en: "{step} could not map the sub-flow's results back: {why}", zh: '{step}无法将子流程的结果写回：{why}' },
  'incident.mandatorySkipped': { en: 'The process reached {step} without the mandatory step {missing}; it is held there.', zh: '流程未经必经步骤{missing}就到达了{step}，已在此暂停。' },
  'incident.subflowCancelled': { en: 'The sub-flow started by {step} was cancelled ({reason}), so this path cannot go on.', zh: '{step}启动的子流程已取消（{reason}），此路径无法继续。' },
  'incident.slaFailed': {
    en: 'The SLA of {step} could not be computed ({why}), so the task is treated as due now and escalates.',
    zh: '{step}的时限无法计算（{why}），因此该任务按已到期处理并会升级。',
  },
  'incident.timerFailed': {
    en: (a) => `The timer of ${a.s.step} could not be computed (${a.s.why}); ${a.raw.until === true ? 'the wait ends only when its condition holds' : 'the wait ends at once'}.`,
    zh: (a) => `${a.s.step}的计时无法计算（${a.s.why}）；${a.raw.until === true ? '只有条件成立时等待才会结束' : '等待立即结束'}。`,
  },
  'incident.waitRuleFailed': {
    en: 'The condition of the wait {step} could not be evaluated ({why}); it keeps waiting until the condition can be evaluated (or its timer, if any).',
    zh: '等待步骤{step}的条件无法计算（{why}）；它将继续等待，直到条件可以计算（或计时到期）。',
  },
  'incident.controlFailed': {
    en: (a) =>
      `The condition of control ${a.s.control} could not be evaluated (${a.s.why}), ${a.raw.gate === true ? 'so the steps it guards are held until it can be' : 'so its alert could not be raised'}.`,
    zh: (a) => `管控点${a.s.control}的条件无法计算（${a.s.why}），${a.raw.gate === true ? '它所管控的步骤将暂停，直到条件可以计算' : '因此无法发出其提醒'}。`,
  },

  // ── Alerts ─────────────────────────────────────────────────────────────────
  'alert.overdue': { en: '{step} is overdue: it was due {dueAt}.', zh: '{step}已逾期：截止时间为 {dueAt}。' },

  // ── History ────────────────────────────────────────────────────────────────
  'history.instance.started': {
    en: (a) => `${upper(a.s.who)} started ${a.s.flow} (version ${a.s.version})${a.has('parent') ? ` as a sub-flow of ${a.s.parent}` : ''}.${a.has('override') ? ` ${a.s.override}` : ''}`,
    zh: (a) => `${a.s.who}发起了${a.s.flow}（第 ${a.s.version} 版）${a.has('parent') ? `，作为 ${a.s.parent} 的子流程` : ''}。${a.s.override}`,
  },
  'history.deployOverride': {
    en: 'This version was deployed although the deploy check refused it ({rules}); accepted by {by}: {reason}',
    zh: '此版本在部署检查未通过（{rules}）的情况下仍被部署；由{by}决定：{reason}',
  },
  'history.token.moved': { en: 'The process moved to {step}.', zh: '流程进入{step}。' },
  'history.token.split': { en: '{step} split into {count} parallel branches.', zh: '{step}分为 {count} 个并行分支。' },
  'history.token.joined': { en: 'All branches reached {step}.', zh: '所有分支都已到达{step}。' },
  'history.token.held': { en: '{step} is held by {controls}.', zh: '{step}被{controls}暂停。' },
  'history.token.ended': {
    en: (a) => `A path reached ${a.s.step}${a.has('outcome') ? ` (${a.s.outcome})` : ''}.`,
    zh: (a) => `一条路径到达了${a.s.step}${a.has('outcome') ? `（${a.s.outcome}）` : ''}。`,
  },
  'history.decision.taken': {
    en: (a) => `${a.s.step} chose ${a.s.branch}${a.raw.byDefault === true ? ' (the default)' : ''}.`,
    zh: (a) => `${a.s.step}选择了${a.s.branch}${a.raw.byDefault === true ? '（默认）' : ''}。`,
  },
  'history.task.opened': {
    en: (a) => `${a.s.step} is waiting for ${a.has('roles') ? a.s.roles : 'anyone'}${a.has('dueAt') ? `, due ${a.s.dueAt}` : ''}.`,
    zh: (a) => `${a.s.step}等待${a.has('roles') ? a.s.roles : '任何人'}处理${a.has('dueAt') ? `，截止时间 ${a.s.dueAt}` : ''}。`,
  },
  'history.task.completed': { en: (a) => `${upper(a.s.who)} completed ${a.s.step}.`, zh: '{who}完成了{step}。' },
  'history.task.escalated': {
    en: (a) => `${a.s.step} is overdue${a.has('to') ? `; escalated to ${a.s.to}` : ''}.`,
    zh: (a) => `${a.s.step}已逾期${a.has('to') ? `，已升级给${a.s.to}` : ''}。`,
  },
  'history.data.changed': { en: (a) => enEnd(`${upper(a.s.who)} changed ${a.s.changes}`), zh: (a) => zhEnd(`${a.s.who}修改了${a.s.changes}`) },
  'history.change': { en: '{field} {from} → {to}', zh: '{field} {from} → {to}' },
  'history.control.changed': {
    en: (a) => `Control ${a.s.control} ${a.raw.holds === true ? 'now holds' : 'no longer holds'}.`,
    zh: (a) => `管控点${a.s.control}${a.raw.holds === true ? '现在成立' : '不再成立'}。`,
  },
  'history.alert.raised': {
    en: (a) => `Alert to ${a.has('to') ? a.s.to : 'everyone on the process'}: ${a.s.message}`,
    zh: (a) => `提醒${a.has('to') ? a.s.to : '流程中的所有人'}：${a.s.message}`,
  },
  'history.wait.started': {
    en: (a) => `${a.s.step} is waiting${a.has('dueAt') ? ` until ${a.s.dueAt} at most` : ''}.`,
    zh: (a) => `${a.s.step}开始等待${a.has('dueAt') ? `，最迟到 ${a.s.dueAt}` : ''}。`,
  },
  'history.wait.ended': {
    en: (a) => `${a.s.step} ended: ${a.raw.reason === 'timer' ? 'the time was up' : 'its condition holds'}.`,
    zh: (a) => `${a.s.step}结束：${a.raw.reason === 'timer' ? '时间已到' : '条件已成立'}。`,
  },
  'history.subflow.started': { en: '{step} started {flow} (version {version}) as {child}.', zh: '{step}发起了{flow}（第 {version} 版），实例 {child}。' },
  'history.subflow.completed': {
    en: (a) => `The sub-flow of ${a.s.step} finished${a.has('outcome') ? ` (${a.s.outcome})` : ''}.`,
    zh: (a) => `${a.s.step}的子流程已完成${a.has('outcome') ? `（${a.s.outcome}）` : ''}。`,
  },
  'history.incident.raised': { en: 'Incident: {message}', zh: '异常：{message}' },
  'history.incident.resolved': { en: 'Incident {incidentId} is resolved.', zh: '异常 {incidentId} 已解决。' },
  'history.instance.completed': {
    en: (a) => `The process finished at ${a.s.step}${a.has('outcome') ? ` with outcome ${a.s.outcome}` : ''}.`,
    zh: (a) => `流程在${a.s.step}结束${a.has('outcome') ? `，结果为 ${a.s.outcome}` : ''}。`,
  },
  'history.instance.cancelled': { en: (a) => `${upper(a.s.who)} cancelled the process: ${a.s.reason}`, zh: '{who}取消了流程：{reason}' },
  'history.instance.migrated': { en: (a) => `${upper(a.s.who)} moved the process from version ${a.s.from} to version ${a.s.to}.`, zh: '{who}将流程从第 {from} 版迁移到第 {to} 版。' },
};

function upper(s = ''): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
