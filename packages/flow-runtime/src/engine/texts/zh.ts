/**
 * The engine's texts in Chinese: the Chinese of every entry of
 * {@link ENGINE_TEXTS}, by the same keys. The root entry's `formatEngineText`
 * knows them; from the small `/engine` entry, import them from
 * `@crm/flow-runtime/engine/zh` and pass them as `texts`:
 *
 * @example
 * import { formatEngineText } from '@crm/flow-runtime/engine';
 * import { ENGINE_TEXTS_ZH } from '@crm/flow-runtime/engine/zh';
 * formatEngineText(err.code, err.details, { locale: 'zh', texts: ENGINE_TEXTS_ZH, catalog });
 */
import type { RenderedArgs, TextEntry, TextTemplate } from './types.js';

const zhEnd = (s = '') => (/[。！？）”]$/.test(s) ? s : `${s}。`);

/** Chinese of a `problem.<code>` key: what is wrong by the code (`zh`), at its place in the definition. */
export const problemZh =
  (zh: Readonly<Record<string, string>>) =>
  (a: RenderedArgs): string => {
    const code = a.key.slice(8);
    return `${a.has('path') ? `${a.s.path}：` : ''}${Object.prototype.hasOwnProperty.call(zh, code) ? zh[code] : '定义有误'}。`;
  };

/**
 * The entry of every `problem.<code>` key (a key falls back to its first
 * part): English is the parser's own message; Chinese says what is wrong by
 * the code (`zh`), at its place in the definition.
 */
export const problemEntry = (zh: Readonly<Record<string, string>>): TextEntry => ({ en: '{message}', zh: problemZh(zh) });

/**
 * The definition problems said in Chinese here: those the engine entry's own
 * deploy check finds (`checkFlowShape`). The full format check (`parseFlow`,
 * root entry) finds more; the root entry's `formatEngineText` knows them all
 * (`PROBLEM_TEXTS`).
 */
export const SHAPE_PROBLEMS_ZH: Readonly<Record<string, string>> = {
  FLOW_E010: '缺少必填属性',
  FLOW_E011: '值的类型不对',
  FLOW_E015: '节点类型未知',
  FLOW_E017: '文本含有任何存储都无法保存的字符（NUL 或不成对的代理项）',
  FLOW_E020: '编号重复使用',
  FLOW_E021: '引用的节点不存在',
};

/** The Chinese of each entry of the engine's catalog, by key. */
export const ENGINE_TEXTS_ZH: Readonly<Record<string, { zh: TextTemplate }>> = {
  NOT_PERMITTED: { zh: '你无权执行此操作：你的角色都不允许。' },
  FIELD_NOT_EDITABLE: { zh: '你无权修改所填写的某个字段。' },
  UNKNOWN_FIELD: { zh: '所写的字段不属于此流程。' },
  INVALID_VALUE: { zh: '某个值不符合字段要求。' },
  REQUIRED_MISSING: { zh: '有必填字段为空。' },
  GATE_CLOSED: { zh: '此步骤目前被管控点阻止。' },
  TASK_NOT_OPEN: { zh: '此任务已不再开放。' },
  SAME_ACTOR: { zh: '此步骤须由其他人完成（职责分离）。' },
  VERSION_CONFLICT: { zh: '你打开后已有其他人修改了此流程，请刷新后重试。' },
  INSTANCE_ENDED: { zh: '此流程已结束，无法再进行任何操作。' },
  UNKNOWN_INSTANCE: { zh: '不存在此流程实例。' },
  UNKNOWN_FLOW: { zh: '没有部署这个流程。' },
  INVALID_FLOW: { zh: '流程定义有问题，无法部署。' },
  UNSAFE_FLOW: { zh: '该流程可能让案例跳过必经步骤或卡住，未予部署。' },
  VERSION_EXISTS: { zh: '此编号和版本下已部署了不同的定义。' },
  INVALID_MIGRATION: { zh: '无法将流程迁移到该版本。' },
  STORE_FAILED: { zh: '存储无法读写。' },
  INVALID_CURSOR: { zh: '该分页位置不是此列表给出的。' },
  'NOT_PERMITTED.start': { zh: '只有{roles}可以发起{flow}。' },
  'NOT_PERMITTED.task': { zh: (a) => `只有${a.s.roles}可以处理${a.s.step}${a.has('yours') ? `（你的角色是${a.s.yours}）` : ''}。` },
  'NOT_PERMITTED.update': { zh: '你在此流程中没有待办步骤，因此不能修改其数据。' },
  'NOT_PERMITTED.cancel': { zh: '只有发起此流程的人或管理员可以取消它。' },
  'NOT_PERMITTED.cancelNoActor': { zh: '取消流程必须指明操作人：发起人或管理员。' },
  'NOT_PERMITTED.admin': { zh: (a) => `只有管理员（${a.s.roles}）可以${a.s.what}；${a.s.actor}不是管理员。` },
  'NOT_PERMITTED.adminNoActor': { zh: (a) => `只有管理员（${a.s.roles}）可以${a.s.what}，但没有指明操作人。` },
  'INVALID_VALUE.time': { zh: '{value}不是时间。' },
  'admin.deploy': { zh: '部署流程' },
  'admin.migrate': { zh: '将流程迁移到其他版本' },
  'admin.retire': { zh: '停用流程版本' },
  'FIELD_NOT_EDITABLE.onlyIn': { zh: '只有{roles}可以在{step}中修改{field}。' },
  'FIELD_NOT_EDITABLE.onlyElsewhere': { zh: '只有{roles}可以修改{field}（在{steps}中）。' },
  'FIELD_NOT_EDITABLE.never': { zh: (a) => `${a.has('step') ? `在${a.s.step}中` : ''}不能修改${a.s.field}。` },
  'FIELD_NOT_EDITABLE.atStart': { zh: (a) => `发起${a.s.flow}时不能填写${a.s.fields}：这些内容不由发起人填写。` },
  'FIELD_NOT_EDITABLE.notYours': { zh: (a) => `你不能${a.has('step') ? `在${a.s.step}中` : '在此流程中'}修改${a.s.fields}。` },
  'UNKNOWN_FIELD.computed': { zh: '{field}的{what}由其内容计算得出：请写入{field}本身（或按序号写入其中一个条目），不能写入其{what}。' },
  'UNKNOWN_FIELD.listKey': { zh: '{field}是一个列表：请按序号写入其中一个条目，例如“{example}”；“{key}”不是条目序号。' },
  'UNKNOWN_FIELD.listIndex': { zh: (a) =>
      a.raw.count === 0
        ? `${a.s.field}还没有条目：写入第 0 项即添加第一项；写入第 ${a.s.index} 项会留下空缺。`
        : `${a.s.field}有 ${a.s.count} 个条目：可写入第 0${a.raw.count === 1 ? '' : ` 至 ${a.s.last}`} 项，或写入第 ${a.s.count} 项在末尾添加；写入第 ${a.s.index} 项会留下空缺。` },
  'UNKNOWN_FIELD.pathTooLong': { zh: '“{path}”不是数据路径：写入的路径最多 {segments} 段、{chars} 个字符。' },
  'UNKNOWN_FIELD.path': { zh: (a) => `“${a.s.path}”不是此流程的数据，无法写入。` },
  'INVALID_VALUE.type': { zh: (a) => zhEnd(a.s.problems) },
  'INVALID_VALUE.stored': { zh: (a) => `${a.has('field') ? a.s.field : '数据'}无法保存：${a.s.why}。` },
  'INVALID_VALUE.reason': { zh: '请说明取消流程的原因：原因会记入其历史。' },
  'INVALID_VALUE.limits': { zh: '{problems}。' },
  'value.limitWas': { zh: '{field}必须{limit}（当前为{value}）' },
  'limit.notNegative': { zh: '不小于 0' },
  'limit.min': { zh: '不小于 {min}' },
  'limit.max': { zh: '不大于 {max}' },
  'limit.minLength': { zh: '至少 {n} 个字符' },
  'limit.maxLength': { zh: '最多 {n} 个字符' },
  'limit.pattern': { zh: (a) => (a.has('hint') ? `符合格式：${a.s.hint}` : `符合格式 ${a.s.pattern}`) },
  'limit.notBefore': { zh: '不早于{bound}' },
  'limit.notAfter': { zh: '不晚于{bound}' },
  'limit.today': { zh: '今天' },
  'limit.todayPlus': { zh: '今天起 {days} 天' },
  'limit.rule': { zh: '{message}' },
  'limit.inline': { zh: '必须{limit}。' },
  'value.limit': { zh: '{field}必须{limit}' },
  'value.mustBe': { zh: '{field}必须是{problem}' },
  'value.record': { zh: '一条记录（字段对象）' },
  'value.list': { zh: '一个列表' },
  'value.itemField': { zh: '条目，且其{item}是{problem}' },
  'value.listWhose': { zh: '由条目组成的列表，每个条目都是{problem}' },
  'value.item': { zh: '一个条目（由其字段组成的对象：{fields}）' },
  'value.itemUnknown': { zh: '只含其字段（{fields}）的条目；“{key}”不是其中之一' },
  'value.text': { zh: '文本' },
  'value.number': { zh: '数字' },
  'value.integer': { zh: '整数' },
  'value.boolean': { zh: '是或否（true 或 false）' },
  'value.date': { zh: '格式为 YYYY-MM-DD 的日期' },
  'value.datetime': { zh: '日期时间（ISO 8601）' },
  'value.option': { zh: (a) => (a.has('options') ? `以下选项之一：${a.s.options}` : '其选项之一') },
  'data.notNumber': { zh: '{value}不是可保存的数字' },
  'data.notData': { zh: '{type}类型不是数据' },
  'data.tooDeep': { zh: '嵌套超过{max}层' },
  'data.tooMany': { zh: '一次写入最多包含{max}个值' },
  'data.tooLong': { zh: '一次写入的文本最多{max}个字符' },
  'data.badDate': { zh: '日期无效' },
  'data.badText': { zh: '含有空字符或残缺字符' },
  'data.unreadable': { zh: '无法读取（{why}）' },
  'data.reservedKey': { zh: '数据中不允许使用键“{key}”' },
  'REQUIRED_MISSING.step': { zh: '{step}需要先填写{fields}才能完成。' },
  'GATE_CLOSED.step': { zh: '{step}暂时不能完成：{why}' },
  'TASK_NOT_OPEN.done': { zh: (a) => `${a.s.step}已${a.has('by') ? `由${a.s.by}` : ''}完成。` },
  'TASK_NOT_OPEN.closed': { zh: '{step}已不再开放（流程已取消或已继续）。' },
  'TASK_NOT_OPEN.unknown': { zh: '此流程没有任务“{taskId}”。' },
  'TASK_NOT_OPEN.notInVersion': { zh: '步骤“{nodeId}”不属于此版本的流程。' },
  'SAME_ACTOR.step': { zh: '{step}必须由完成{other}的人（{by}）以外的人处理。' },
  'VERSION_CONFLICT.completed': { zh: (a) => `${a.s.step}刚刚已${a.has('by') ? `由${a.s.by}` : ''}完成，与你的修改同时发生；你的修改未保存。` },
  'VERSION_CONFLICT.changed': { zh: '你打开后已有其他人修改了此流程，请刷新后重试。' },
  'INSTANCE_ENDED.completed': { zh: '此流程已完成，无法再进行任何操作。' },
  'INSTANCE_ENDED.cancelled': { zh: '此流程已取消，无法再进行任何操作。' },
  'UNKNOWN_INSTANCE.id': { zh: '不存在流程实例“{instanceId}”。' },
  'UNKNOWN_FLOW.flow': { zh: '没有部署流程“{flowId}”。' },
  FLOW_RETIRED: { zh: '此流程版本已停用：不能再发起新的单据。' },
  'FLOW_RETIRED.version': { zh: '流程“{flowId}”的第 {version} 版已于 {at} 由{by}停用（{reason}），不能再发起新的单据。请使用当前版本。' },
  'FLOW_RETIRED.all': { zh: '流程“{flowId}”的所有版本都已停用，不能再发起新的单据。' },
  'INVALID_VALUE.retireReason': { zh: '请说明停用该版本的原因：原因会随版本保存。' },
  'UNKNOWN_FLOW.version': { zh: '流程“{flowId}”的第 {version} 版未部署。' },
  'INVALID_FLOW.problems': { zh: (a) => `流程无法部署：${a.s.problems}${a.has('more') ? `\n（另有 ${a.s.more} 个问题）` : ''}` },
  problem: { zh: problemZh(SHAPE_PROBLEMS_ZH) },
  'INVALID_FLOW.compile': { zh: '流程“{flowId}”第 {version} 版无法运行：{why}' },
  'UNSAFE_FLOW.findings': { zh: (a) => `流程“${a.s.flowId}”第 ${a.s.version} 版未部署：有 ${a.s.count} 个问题可能让案例跳过必经步骤或卡住：${a.s.findings}` },
  'VERSION_EXISTS.version': { zh: '流程“{flowId}”的第 {version} 版已以不同内容部署；已部署的版本不会改变，请为此版本使用新的版本号。' },
  'INVALID_MIGRATION.problems': { zh: '{problems}' },
  'migrate.otherFlow': { zh: '第 {version} 版属于流程“{to}”，而不是“{from}”。' },
  'migrate.sameVersion': { zh: '流程已在第 {version} 版上运行。' },
  'migrate.unknownFrom': { zh: '映射中的步骤“{nodeId}”在第 {version} 版中不存在。' },
  'migrate.unknownTo': { zh: '映射指向的步骤“{nodeId}”在第 {version} 版中不存在。' },
  'migrate.standsAt': { zh: '流程停在{step}，而第 {version} 版没有该步骤；请将其映射到第 {version} 版的某个步骤。' },
  'migrate.kind': { zh: '{step}是{from}，但第 {version} 版中的“{target}”是{to}。' },
  'migrate.skips': { zh: '迁移到{step}会跳过必经步骤{missing}。' },
  'kind.start': { zh: '开始步骤' },
  'kind.end': { zh: '结束步骤' },
  'kind.task': { zh: '任务步骤' },
  'kind.decision': { zh: '判断步骤' },
  'kind.parallel': { zh: '并行步骤' },
  'kind.join': { zh: '汇合步骤' },
  'kind.wait': { zh: '等待步骤' },
  'kind.system': { zh: '系统步骤' },
  'kind.subflow': { zh: '子流程步骤' },
  'STORE_FAILED.store': { zh: '存储失败：{why}' },
  'STORE_FAILED.nesting': { zh: '子流程嵌套超过 50 层；可能有流程在启动自身。' },
  'STORE_FAILED.idTaken': { zh: '编号生成器给出了已被占用的编号（“{id}”）。' },
  'INVALID_CURSOR.cursor': { zh: '“{cursor}”不是此列表的分页位置；请传入上一页的 next，第一页则不传。' },
  'INVALID_CURSOR.limit': { zh: '每页条数必须是不小于 1 的整数；收到的是 {limit}。' },
  'logic.LOGIC_POLICY': { zh: '规则使用了规则策略禁止的内容（{detail}）' },
  'logic.LOGIC_BUDGET': { zh: '规则超出了计算预算（{detail}）' },
  'logic.LOGIC_UNKNOWN_OPERATOR': { zh: '规则使用了未知运算符（{detail}）' },
  'logic.LOGIC_DATA': { zh: '规则无法读取数据（{detail}）' },
  'logic.error': { zh: '{detail}' },
  'incident.edgeRuleFailed': { zh: '{step}之后的条件无法计算：{why}' },
  'incident.deadEnd': { zh: '{step}没有出口，流程无法继续。' },
  'incident.noPath': { zh: '{step}之后的条件都不成立，且没有默认路径，流程无法继续。请修改数据或流程。' },
  'incident.unknownStep': { zh: '流程停在步骤“{nodeId}”，而此版本的流程没有该步骤。' },
  'incident.loopLimit': { zh: '自动步骤连续运行超过 {limit} 次而未交给任何人处理（{step}处可能有循环）。' },
  'incident.noBranches': { zh: '{step}没有分支。' },
  'incident.assignInvalid': { zh: (a) => zhEnd(`${a.s.step}未保存其结果：${a.s.problems}`) },
  'incident.outputInvalid': { zh: (a) => zhEnd(`${a.s.step}未保存子流程的结果：${a.s.problems}`) },
  'incident.assignFailed': { zh: '{step}无法计算{target}：{why}' },
  'incident.subflowUnavailable': { zh: (a) => `${a.s.step}要运行${a.has('version') ? `流程“${a.s.flowId}”的第 ${a.s.version} 版` : `流程“${a.s.flowId}”`}，但它未部署。` },
  'incident.inputFailed': { zh: '{step}无法计算子流程的输入：{why}' },
  'incident.outputFailed': { zh: '{step}无法将子流程的结果写回：{why}' },
  'incident.mandatorySkipped': { zh: '流程未经必经步骤{missing}就到达了{step}，已在此暂停。' },
  'incident.subflowCancelled': { zh: '{step}启动的子流程已取消（{reason}），此路径无法继续。' },
  'incident.slaFailed': { zh: '{step}的时限无法计算（{why}），因此该任务按已到期处理并会升级。' },
  'incident.timerFailed': { zh: (a) => `${a.s.step}的计时无法计算（${a.s.why}）；${a.raw.until === true ? '只有条件成立时等待才会结束' : '等待立即结束'}。` },
  'incident.waitRuleFailed': { zh: '等待步骤{step}的条件无法计算（{why}）；它将继续等待，直到条件可以计算（或计时到期）。' },
  'incident.controlFailed': { zh: (a) => `管控点${a.s.control}的条件无法计算（${a.s.why}），${a.raw.gate === true ? '它所管控的步骤将暂停，直到条件可以计算' : '因此无法发出其提醒'}。` },
  'alert.overdue': { zh: '{step}已逾期：截止时间为 {dueAt}。' },
  'history.instance.started': { zh: (a) => `${a.s.who}发起了${a.s.flow}（第 ${a.s.version} 版）${a.has('parent') ? `，作为 ${a.s.parent} 的子流程` : ''}。${a.s.override}` },
  'history.deployOverride': { zh: '此版本在部署检查未通过（{rules}）的情况下仍被部署；由{by}决定：{reason}' },
  'history.token.moved': { zh: '流程进入{step}。' },
  'history.token.split': { zh: '{step}分为 {count} 个并行分支。' },
  'history.token.joined': { zh: '所有分支都已到达{step}。' },
  'history.token.held': { zh: '{step}被{controls}暂停。' },
  'history.token.ended': { zh: (a) => `一条路径到达了${a.s.step}${a.has('outcome') ? `（${a.s.outcome}）` : ''}。` },
  'history.decision.taken': { zh: (a) => `${a.s.step}选择了${a.s.branch}${a.raw.byDefault === true ? '（默认）' : ''}。` },
  'history.task.opened': { zh: (a) => `${a.s.step}等待${a.has('roles') ? a.s.roles : '任何人'}处理${a.has('dueAt') ? `，截止时间 ${a.s.dueAt}` : ''}。` },
  'history.task.completed': { zh: '{who}完成了{step}。' },
  'history.task.escalated': { zh: (a) => `${a.s.step}已逾期${a.has('to') ? `，已升级给${a.s.to}` : ''}。` },
  'history.data.changed': { zh: (a) => zhEnd(`${a.s.who}修改了${a.s.changes}`) },
  'history.change': { zh: '{field} {from} → {to}' },
  'history.control.changed': { zh: (a) => `管控点${a.s.control}${a.raw.holds === true ? '现在成立' : '不再成立'}。` },
  'history.alert.raised': { zh: (a) => `提醒${a.has('to') ? a.s.to : '流程中的所有人'}：${a.s.message}` },
  'history.wait.started': { zh: (a) => `${a.s.step}开始等待${a.has('dueAt') ? `，最迟到 ${a.s.dueAt}` : ''}。` },
  'history.wait.ended': { zh: (a) => `${a.s.step}结束：${a.raw.reason === 'timer' ? '时间已到' : '条件已成立'}。` },
  'history.subflow.started': { zh: '{step}发起了{flow}（第 {version} 版），实例 {child}。' },
  'history.subflow.completed': { zh: (a) => `${a.s.step}的子流程已完成${a.has('outcome') ? `（${a.s.outcome}）` : ''}。` },
  'history.incident.raised': { zh: '异常：{message}' },
  'history.incident.resolved': { zh: '异常 {incidentId} 已解决。' },
  'history.instance.completed': { zh: (a) => `流程在${a.s.step}结束${a.has('outcome') ? `，结果为 ${a.s.outcome}` : ''}。` },
  'history.instance.cancelled': { zh: '{who}取消了流程：{reason}' },
  'history.instance.migrated': { zh: '{who}将流程从第 {from} 版迁移到第 {to} 版。' },
};
