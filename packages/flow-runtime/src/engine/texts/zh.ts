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
import { ENGINE_TEXTS } from './catalog.js';
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
  FLOW_E017: '文本含有存储无法保存的字符（如 NUL）',
  FLOW_E020: '编号重复使用',
  FLOW_E021: '引用的节点不存在',
};

/**
 * The Chinese of each entry of {@link ENGINE_TEXTS}, in the catalog's order
 * (each key is written beside its text as a comment, which the build drops:
 * the keys are the catalog's, not repeated in the bundle).
 */
const ZH: readonly TextTemplate[] = [
  /* NOT_PERMITTED */ '你无权执行此操作：你的角色都不允许。',
  /* FIELD_NOT_EDITABLE */ '你无权修改所填写的某个字段。',
  /* UNKNOWN_FIELD */ '所写的字段不属于此流程。',
  /* INVALID_VALUE */ '某个值不符合字段要求。',
  /* REQUIRED_MISSING */ '有必填字段为空。',
  /* GATE_CLOSED */ '此步骤目前被管控点阻止。',
  /* TASK_NOT_OPEN */ '此任务已不再开放。',
  /* SAME_ACTOR */ '此步骤须由其他人完成（职责分离）。',
  /* VERSION_CONFLICT */ '你打开后已有其他人修改了此流程，请刷新后重试。',
  /* INSTANCE_ENDED */ '此流程已结束，无法再进行任何操作。',
  /* UNKNOWN_INSTANCE */ '不存在此流程实例。',
  /* UNKNOWN_FLOW */ '没有部署这个流程。',
  /* INVALID_FLOW */ '流程定义有问题，无法部署。',
  /* UNSAFE_FLOW */ '该流程可能让案例跳过必经步骤或卡住，未予部署。',
  /* VERSION_EXISTS */ '此编号和版本下已部署了不同的定义。',
  /* INVALID_MIGRATION */ '无法将流程迁移到该版本。',
  /* STORE_FAILED */ '存储无法读写。',
  /* INVALID_CURSOR */ '该分页位置不是此列表给出的。',
  /* actor.shape */ '对象 { id, roles }',
  /* actor.roles */ '角色名列表',
  /* actor.rolesMax */ '至多 {n} 个角色名的列表',
  /* NOT_PERMITTED.start */ '只有{roles}可以发起{flow}。',
  /* NOT_PERMITTED.task */ (a) => `只有${a.s.roles}可以处理${a.s.step}${a.has('yours') ? `（你的角色是${a.s.yours}）` : ''}。`,
  /* NOT_PERMITTED.update */ '你在此流程中没有待办步骤，因此不能修改其数据。',
  /* NOT_PERMITTED.cancel */ '只有发起此流程的人或管理员可以取消它。',
  /* NOT_PERMITTED.cancelNoActor */ '取消流程必须指明操作人：发起人或管理员。',
  /* NOT_PERMITTED.admin */ (a) => `只有管理员（${a.s.roles}）可以${a.s.what}；${a.s.actor}不是管理员。`,
  /* NOT_PERMITTED.adminNoActor */ (a) => `只有管理员（${a.s.roles}）可以${a.s.what}，但没有指明操作人。`,
  /* INVALID_VALUE.time */ '{value}不是时间。',
  /* admin.deploy */ '部署流程',
  /* admin.migrate */ '将流程迁移到其他版本',
  /* admin.retire */ '停用流程版本',
  /* FIELD_NOT_EDITABLE.onlyIn */ '只有{roles}可以在{step}中修改{field}。',
  /* FIELD_NOT_EDITABLE.onlyElsewhere */ '只有{roles}可以修改{field}（在{steps}中）。',
  /* FIELD_NOT_EDITABLE.never */ (a) => `${a.has('step') ? `在${a.s.step}中` : ''}不能修改${a.s.field}。`,
  /* FIELD_NOT_EDITABLE.atStart */ (a) => `发起${a.s.flow}时不能填写${a.s.fields}：这些内容不由发起人填写。`,
  /* FIELD_NOT_EDITABLE.notYours */ (a) => `你不能${a.has('step') ? `在${a.s.step}中` : '在此流程中'}修改${a.s.fields}。`,
  /* UNKNOWN_FIELD.computed */ '{field}的{what}由其内容计算得出：请写入{field}本身（或按序号写入其中一个条目），不能写入其{what}。',
  /* UNKNOWN_FIELD.listKey */ '{field}是一个列表：请按序号写入其中一个条目，例如“{example}”；“{key}”不是条目序号。',
  /* UNKNOWN_FIELD.listIndex */ (a) =>
      a.raw.count === 0
        ? `${a.s.field}还没有条目：写入第 0 项即添加第一项；写入第 ${a.s.index} 项会留下空缺。`
        : `${a.s.field}有 ${a.s.count} 个条目：可写入第 0${a.raw.count === 1 ? '' : ` 至 ${a.s.last}`} 项，或写入第 ${a.s.count} 项在末尾添加；写入第 ${a.s.index} 项会留下空缺。`,
  /* UNKNOWN_FIELD.pathTooLong */ '“{path}”不是数据路径：写入的路径最多 {segments} 段、{chars} 个字符。',
  /* UNKNOWN_FIELD.path */ (a) => `“${a.s.path}”不是此流程的数据，无法写入。`,
  /* INVALID_VALUE.type */ (a) => zhEnd(a.s.problems),
  /* INVALID_VALUE.stored */ (a) => `${a.has('field') ? a.s.field : '数据'}无法保存：${a.s.why}。`,
  /* INVALID_VALUE.reason */ '请说明取消流程的原因：原因会记入其历史。',
  /* INVALID_VALUE.limits */ '{problems}。',
  /* value.limitWas */ '{field}必须{limit}（当前为{value}）',
  /* limit.notNegative */ '不小于 0',
  /* limit.min */ '不小于 {min}',
  /* limit.max */ '不大于 {max}',
  /* limit.minLength */ '至少 {n} 个字符',
  /* limit.maxLength */ '最多 {n} 个字符',
  /* limit.pattern */ (a) => (a.has('hint') ? `符合格式：${a.s.hint}` : `符合格式 ${a.s.pattern}`),
  /* limit.notBefore */ '不早于{bound}',
  /* limit.notAfter */ '不晚于{bound}',
  /* limit.today */ '今天',
  /* limit.todayPlus */ '今天起 {days} 天',
  /* limit.rule */ '{message}',
  /* limit.inline */ '必须{limit}。',
  /* value.limit */ '{field}必须{limit}',
  /* value.mustBe */ '{field}必须是{problem}',
  /* value.record */ '一条记录（字段对象）',
  /* value.list */ '一个列表',
  /* value.itemField */ '条目，且其{item}是{problem}',
  /* value.listWhose */ '由条目组成的列表，每个条目都是{problem}',
  /* value.item */ '一个条目（由其字段组成的对象：{fields}）',
  /* value.itemUnknown */ '只含其字段（{fields}）的条目；“{key}”不是其中之一',
  /* value.text */ '文本',
  /* value.number */ '数字',
  /* value.integer */ '整数',
  /* value.boolean */ '是或否（true 或 false）',
  /* value.date */ '格式为 YYYY-MM-DD 的日期',
  /* value.datetime */ '日期时间（ISO 8601）',
  /* value.option */ (a) => (a.has('options') ? `以下选项之一：${a.s.options}` : '其选项之一'),
  /* data.notNumber */ '{value}不是可保存的数字',
  /* data.notData */ '{type}类型不是数据',
  /* data.tooDeep */ '嵌套超过{max}层',
  /* data.tooMany */ '一次写入最多包含{max}个值',
  /* data.tooLong */ '一次写入的文本最多{max}个字符',
  /* data.badDate */ '日期无效',
  /* data.badText */ '含有空字符或残缺字符',
  /* data.unreadable */ '无法读取（{why}）',
  /* data.reservedKey */ '数据中不允许使用键“{key}”',
  /* REQUIRED_MISSING.step */ '{step}需要先填写{fields}才能完成。',
  /* GATE_CLOSED.step */ '{step}暂时不能完成：{why}',
  /* TASK_NOT_OPEN.done */ (a) => `${a.s.step}已${a.has('by') ? `由${a.s.by}` : ''}完成。`,
  /* TASK_NOT_OPEN.closed */ '{step}已不再开放（流程已取消或已继续）。',
  /* TASK_NOT_OPEN.unknown */ '此流程没有任务“{taskId}”。',
  /* TASK_NOT_OPEN.notInVersion */ '步骤“{nodeId}”不属于此版本的流程。',
  /* SAME_ACTOR.step */ '{step}必须由完成{other}的人（{by}）以外的人处理。',
  /* VERSION_CONFLICT.completed */ (a) => `${a.s.step}刚刚已${a.has('by') ? `由${a.s.by}` : ''}完成，与你的修改同时发生；你的修改未保存。`,
  /* VERSION_CONFLICT.changed */ '你打开后已有其他人修改了此流程，请刷新后重试。',
  /* INSTANCE_ENDED.completed */ '此流程已完成，无法再进行任何操作。',
  /* INSTANCE_ENDED.cancelled */ '此流程已取消，无法再进行任何操作。',
  /* UNKNOWN_INSTANCE.id */ '不存在流程实例“{instanceId}”。',
  /* UNKNOWN_FLOW.flow */ '没有部署流程“{flowId}”。',
  /* FLOW_RETIRED */ '此流程版本已停用：不能再发起新的单据。',
  /* FLOW_RETIRED.version */ '流程“{flowId}”的第 {version} 版已于 {at} 由{by}停用（{reason}），不能再发起新的单据。请使用当前版本。',
  /* FLOW_RETIRED.all */ '流程“{flowId}”的所有版本都已停用，不能再发起新的单据。',
  /* INVALID_VALUE.retireReason */ '请说明停用该版本的原因：原因会随版本保存。',
  /* UNKNOWN_FLOW.version */ '流程“{flowId}”的第 {version} 版未部署。',
  /* INVALID_FLOW.problems */ (a) => `流程无法部署：${a.s.problems}${a.has('more') ? `\n（另有 ${a.s.more} 个问题）` : ''}`,
  /* problem */ problemZh(SHAPE_PROBLEMS_ZH),
  /* INVALID_FLOW.compile */ '流程“{flowId}”第 {version} 版无法运行：{why}',
  /* UNSAFE_FLOW.findings */ (a) => `流程“${a.s.flowId}”第 ${a.s.version} 版未部署：有 ${a.s.count} 个问题可能让案例跳过必经步骤或卡住：${a.s.findings}`,
  /* VERSION_EXISTS.version */ '流程“{flowId}”的第 {version} 版已以不同内容部署；已部署的版本不会改变，请为此版本使用新的版本号。',
  /* INVALID_MIGRATION.problems */ '{problems}',
  /* migrate.otherFlow */ '第 {version} 版属于流程“{to}”，而不是“{from}”。',
  /* migrate.sameVersion */ '流程已在第 {version} 版上运行。',
  /* migrate.unknownFrom */ '映射中的步骤“{nodeId}”在第 {version} 版中不存在。',
  /* migrate.unknownTo */ '映射指向的步骤“{nodeId}”在第 {version} 版中不存在。',
  /* migrate.standsAt */ '流程停在{step}，而第 {version} 版没有该步骤；请将其映射到第 {version} 版的某个步骤。',
  /* migrate.kind */ '{step}是{from}，但第 {version} 版中的“{target}”是{to}。',
  /* migrate.skips */ '迁移到{step}会跳过必经步骤{missing}。',
  /* kind.start */ '开始步骤',
  /* kind.end */ '结束步骤',
  /* kind.task */ '任务步骤',
  /* kind.decision */ '判断步骤',
  /* kind.parallel */ '并行步骤',
  /* kind.join */ '汇合步骤',
  /* kind.wait */ '等待步骤',
  /* kind.system */ '系统步骤',
  /* kind.subflow */ '子流程步骤',
  /* STORE_FAILED.store */ '存储失败：{why}',
  /* STORE_FAILED.nesting */ '子流程嵌套超过 50 层；可能有流程在启动自身。',
  /* STORE_FAILED.idTaken */ '编号生成器给出了已被占用的编号（“{id}”）。',
  /* INVALID_CURSOR.cursor */ '“{cursor}”不是此列表的分页位置；请传入上一页的 next，第一页则不传。',
  /* INVALID_CURSOR.limit */ '每页条数必须是不小于 1 的整数；收到的是 {limit}。',
  /* logic.LOGIC_POLICY */ '规则使用了规则策略禁止的内容（{detail}）',
  /* logic.LOGIC_BUDGET */ '规则超出了计算预算（{detail}）',
  /* logic.LOGIC_UNKNOWN_OPERATOR */ '规则使用了未知运算符（{detail}）',
  /* logic.LOGIC_DATA */ '规则无法读取数据（{detail}）',
  /* logic.error */ '{detail}',
  /* incident.edgeRuleFailed */ '{step}之后的条件无法计算：{why}',
  /* incident.deadEnd */ '{step}没有出口，流程无法继续。',
  /* incident.noPath */ '{step}之后的条件都不成立，且没有默认路径，流程无法继续。请修改数据或流程。',
  /* incident.unknownStep */ '流程停在步骤“{nodeId}”，而此版本的流程没有该步骤。',
  /* incident.loopLimit */ '自动步骤连续运行超过 {limit} 次而未交给任何人处理（{step}处可能有循环）。',
  /* incident.noBranches */ '{step}没有分支。',
  /* incident.assignInvalid */ (a) => zhEnd(`${a.s.step}未保存其结果：${a.s.problems}`),
  /* incident.outputInvalid */ (a) => zhEnd(`${a.s.step}未保存子流程的结果：${a.s.problems}`),
  /* incident.assignFailed */ '{step}无法计算{target}：{why}',
  /* incident.subflowUnavailable */ (a) => `${a.s.step}要运行${a.has('version') ? `流程“${a.s.flowId}”的第 ${a.s.version} 版` : `流程“${a.s.flowId}”`}，但它未部署。`,
  /* incident.inputFailed */ '{step}无法计算子流程的输入：{why}',
  /* incident.outputFailed */ '{step}无法将子流程的结果写回：{why}',
  /* incident.mandatorySkipped */ '流程未经必经步骤{missing}就到达了{step}，已在此暂停。',
  /* incident.subflowCancelled */ '{step}启动的子流程已取消（{reason}），此路径无法继续。',
  /* incident.slaFailed */ '{step}的时限无法计算（{why}），因此该任务按已到期处理并会升级。',
  /* incident.timerFailed */ (a) => `${a.s.step}的计时无法计算（${a.s.why}）；${a.raw.until === true ? '只有条件成立时等待才会结束' : '等待立即结束'}。`,
  /* incident.waitRuleFailed */ '等待步骤{step}的条件无法计算（{why}）；它将继续等待，直到条件可以计算（或计时到期）。',
  /* incident.controlFailed */ (a) => `管控点${a.s.control}的条件无法计算（${a.s.why}），${a.raw.gate === true ? '它所管控的步骤将暂停，直到条件可以计算' : '因此无法发出其提醒'}。`,
  /* alert.overdue */ '{step}已逾期：截止时间为 {dueAt}。',
  /* history.instance.started */ (a) => `${a.s.who}发起了${a.s.flow}（第 ${a.s.version} 版）${a.has('parent') ? `，作为 ${a.s.parent} 的子流程` : ''}。${a.s.override}`,
  /* history.deployOverride */ '此版本在部署检查未通过（{rules}）的情况下仍被部署；由{by}决定：{reason}',
  /* history.token.moved */ '流程进入{step}。',
  /* history.token.split */ '{step}分为 {count} 个并行分支。',
  /* history.token.joined */ '所有分支都已到达{step}。',
  /* history.token.held */ '{step}被{controls}暂停。',
  /* history.token.ended */ (a) => `一条路径到达了${a.s.step}${a.has('outcome') ? `（${a.s.outcome}）` : ''}。`,
  /* history.decision.taken */ (a) => `${a.s.step}选择了${a.s.branch}${a.raw.byDefault === true ? '（默认）' : ''}。`,
  /* history.task.opened */ (a) => `${a.s.step}等待${a.has('roles') ? a.s.roles : '任何人'}处理${a.has('dueAt') ? `，截止时间 ${a.s.dueAt}` : ''}。`,
  /* history.task.completed */ '{who}完成了{step}。',
  /* history.task.escalated */ (a) => `${a.s.step}已逾期${a.has('to') ? `，已升级给${a.s.to}` : ''}。`,
  /* history.data.changed */ (a) => zhEnd(`${a.s.who}修改了${a.s.changes}`),
  /* history.change */ '{field} {from} → {to}',
  /* history.control.changed */ (a) => `管控点${a.s.control}${a.raw.holds === true ? '现在成立' : '不再成立'}。`,
  /* history.alert.raised */ (a) => `提醒${a.has('to') ? a.s.to : '流程中的所有人'}：${a.s.message}`,
  /* history.wait.started */ (a) => `${a.s.step}开始等待${a.has('dueAt') ? `，最迟到 ${a.s.dueAt}` : ''}。`,
  /* history.wait.ended */ (a) => `${a.s.step}结束：${a.raw.reason === 'timer' ? '时间已到' : '条件已成立'}。`,
  /* history.subflow.started */ '{step}发起了{flow}（第 {version} 版），实例 {child}。',
  /* history.subflow.completed */ (a) => `${a.s.step}的子流程已完成${a.has('outcome') ? `（${a.s.outcome}）` : ''}。`,
  /* history.incident.raised */ '异常：{message}',
  /* history.incident.resolved */ '异常 {incidentId} 已解决。',
  /* history.instance.completed */ (a) => `流程在${a.s.step}结束${a.has('outcome') ? `，结果为 ${a.s.outcome}` : ''}。`,
  /* history.instance.cancelled */ '{who}取消了流程：{reason}',
  /* history.instance.migrated */ '{who}将流程从第 {from} 版迁移到第 {to} 版。',
];

/** The Chinese of each entry of the engine's catalog, by key. */
export const ENGINE_TEXTS_ZH: Readonly<Record<string, { zh: TextTemplate }>> = Object.fromEntries(
  Object.keys(ENGINE_TEXTS).map((key, i) => [key, { zh: ZH[i]! }]),
);
