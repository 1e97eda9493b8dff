// src/engine/random-id.ts
var HEX = "0123456789abcdef";
var BATCH = 16;
var pool = new Uint8Array(16 * BATCH);
var used = BATCH;
var codes = new Array(36).fill(0);
function randomId() {
  if (used === BATCH) {
    globalThis.crypto.getRandomValues(pool);
    used = 0;
  }
  const at = 16 * used++;
  let j = 0;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) codes[j++] = 45;
    let b2 = pool[at + i];
    if (i === 6) b2 = b2 & 15 | 64;
    else if (i === 8) b2 = b2 & 63 | 128;
    codes[j++] = HEX.charCodeAt(b2 >> 4);
    codes[j++] = HEX.charCodeAt(b2 & 15);
  }
  return String.fromCharCode.apply(null, codes);
}

// src/engine/texts/catalog.ts
var zhEnd = (s = "") => /[。！？）”]$/.test(s) ? s : `${s}\u3002`;
var enEnd = (s = "") => /[.!?]$/.test(s) ? s : `${s}.`;
var PROBLEM_ZH = {
  FLOW_E001: "\u6587\u672C\u4E0D\u662F\u6709\u6548\u7684 JSON",
  FLOW_E002: "\u8F93\u5165\u8D85\u51FA CRM Flow \u63A5\u53D7\u7684\u5927\u5C0F",
  FLOW_E003: "JSON \u5D4C\u5957\u5C42\u7EA7\u8D85\u51FA CRM Flow \u63A5\u53D7\u7684\u6DF1\u5EA6",
  FLOW_E010: "\u7F3A\u5C11\u5FC5\u586B\u5C5E\u6027",
  FLOW_E011: "\u503C\u7684\u7C7B\u578B\u4E0D\u5BF9",
  FLOW_E012: "\u8BE5\u5C5E\u6027\u4E0D\u5C5E\u4E8E\u6B64\u683C\u5F0F",
  FLOW_E013: "\u503C\u4E0D\u5728\u5141\u8BB8\u8303\u56F4\u5185\u6216\u683C\u5F0F\u4E0D\u7B26",
  FLOW_E014: "\u6587\u672C\u6216\u5217\u8868\u8FC7\u957F\u6216\u8FC7\u77ED",
  FLOW_E015: "\u8282\u70B9\u7C7B\u578B\u672A\u77E5",
  FLOW_E016: "\u4E0D\u5141\u8BB8\u4F7F\u7528\u8BE5\u952E\uFF08\u5982 __proto__ \u7B49 JavaScript \u4FDD\u7559\u540D\uFF09",
  FLOW_E020: "\u7F16\u53F7\u91CD\u590D\u4F7F\u7528",
  FLOW_E021: "\u5F15\u7528\u7684\u8282\u70B9\u4E0D\u5B58\u5728",
  FLOW_E022: "\u5F15\u7528\u7684\u90E8\u95E8\u5728\u76EE\u5F55\u4E2D\u4E0D\u5B58\u5728",
  FLOW_E023: "\u5F15\u7528\u7684\u89D2\u8272\u5728\u76EE\u5F55\u4E2D\u4E0D\u5B58\u5728",
  FLOW_E024: "\u5F15\u7528\u7684\u7A97\u53E3\u5728\u76EE\u5F55\u4E2D\u4E0D\u5B58\u5728",
  FLOW_E025: "\u5F15\u7528\u7684\u5B9E\u4F53\u5728\u76EE\u5F55\u4E2D\u4E0D\u5B58\u5728",
  FLOW_E026: "\u5F15\u7528\u7684\u5B57\u6BB5\u4E0D\u5B58\u5728",
  FLOW_E027: "\u5F15\u7528\u7684\u53D8\u91CF\u4E0D\u5728\u6D41\u7A0B\u6570\u636E\u5B9A\u4E49\u4E2D",
  FLOW_E028: "\u4EFB\u52A1\u7684\u7A97\u53E3\u6CA1\u6709\u53EF\u7ED1\u5B9A\u7684\u8BB0\u5F55\u53D8\u91CF",
  FLOW_E029: "\u8BE5\u6D41\u7A0B\u662F\u4E3A\u53E6\u4E00\u4E2A\u76EE\u5F55\u7F16\u5199\u7684",
  FLOW_E030: "\u89C4\u5219\u4F7F\u7528\u4E86\u4E0D\u5141\u8BB8\u7684\u8FD0\u7B97\u7B26",
  FLOW_E031: "\u89C4\u5219\u8BFB\u53D6\u4E86\u7981\u6B62\u7684\u8DEF\u5F84\uFF08__proto__\u3001constructor\u3001prototype\uFF09",
  FLOW_E032: "\u89C4\u5219\u5D4C\u5957\u8FC7\u6DF1",
  FLOW_E033: "\u89C4\u5219\u8FC7\u5927",
  FLOW_E034: "\u89C4\u5219\u683C\u5F0F\u9519\u8BEF",
  FLOW_E035: "\u89C4\u5219\u4F7F\u7528\u4E86\u672A\u77E5\u8FD0\u7B97\u7B26",
  FLOW_E040: "\u5B57\u6BB5\u7684\u9650\u5236\u4E0E\u5B57\u6BB5\u4E0D\u7B26\uFF0C\u6216\u6C38\u8FDC\u65E0\u6CD5\u6EE1\u8DB3"
};
var problemZh = (code) => Object.prototype.hasOwnProperty.call(PROBLEM_ZH, code) ? PROBLEM_ZH[code] : "\u5B9A\u4E49\u6709\u8BEF";
var ENGINE_TEXTS = {
  // ── Refusals: the general meaning of each code ──────────────────────────────
  NOT_PERMITTED: { en: "You may not do this: none of your roles allows it.", zh: "\u4F60\u65E0\u6743\u6267\u884C\u6B64\u64CD\u4F5C\uFF1A\u4F60\u7684\u89D2\u8272\u90FD\u4E0D\u5141\u8BB8\u3002" },
  FIELD_NOT_EDITABLE: { en: "You may not change a field you tried to write.", zh: "\u4F60\u65E0\u6743\u4FEE\u6539\u6240\u586B\u5199\u7684\u67D0\u4E2A\u5B57\u6BB5\u3002" },
  UNKNOWN_FIELD: { en: "A field written is not part of this process.", zh: "\u6240\u5199\u7684\u5B57\u6BB5\u4E0D\u5C5E\u4E8E\u6B64\u6D41\u7A0B\u3002" },
  INVALID_VALUE: { en: "A value does not fit its field.", zh: "\u67D0\u4E2A\u503C\u4E0D\u7B26\u5408\u5B57\u6BB5\u8981\u6C42\u3002" },
  REQUIRED_MISSING: { en: "A required field is empty.", zh: "\u6709\u5FC5\u586B\u5B57\u6BB5\u4E3A\u7A7A\u3002" },
  GATE_CLOSED: { en: "A control blocks this step for now.", zh: "\u6B64\u6B65\u9AA4\u76EE\u524D\u88AB\u7BA1\u63A7\u70B9\u963B\u6B62\u3002" },
  TASK_NOT_OPEN: { en: "This task is no longer open.", zh: "\u6B64\u4EFB\u52A1\u5DF2\u4E0D\u518D\u5F00\u653E\u3002" },
  SAME_ACTOR: { en: "This step must be done by someone else (separation of duties).", zh: "\u6B64\u6B65\u9AA4\u987B\u7531\u5176\u4ED6\u4EBA\u5B8C\u6210\uFF08\u804C\u8D23\u5206\u79BB\uFF09\u3002" },
  VERSION_CONFLICT: { en: "Someone else changed this process since you opened it; reload it and try again.", zh: "\u4F60\u6253\u5F00\u540E\u5DF2\u6709\u5176\u4ED6\u4EBA\u4FEE\u6539\u4E86\u6B64\u6D41\u7A0B\uFF0C\u8BF7\u5237\u65B0\u540E\u91CD\u8BD5\u3002" },
  INSTANCE_ENDED: { en: "This process has ended; nothing more can be done in it.", zh: "\u6B64\u6D41\u7A0B\u5DF2\u7ED3\u675F\uFF0C\u65E0\u6CD5\u518D\u8FDB\u884C\u4EFB\u4F55\u64CD\u4F5C\u3002" },
  UNKNOWN_INSTANCE: { en: "There is no such process instance.", zh: "\u4E0D\u5B58\u5728\u6B64\u6D41\u7A0B\u5B9E\u4F8B\u3002" },
  UNKNOWN_FLOW: { en: "No such flow is deployed.", zh: "\u6CA1\u6709\u90E8\u7F72\u8FD9\u4E2A\u6D41\u7A0B\u3002" },
  INVALID_FLOW: { en: "The flow definition has problems and cannot be deployed.", zh: "\u6D41\u7A0B\u5B9A\u4E49\u6709\u95EE\u9898\uFF0C\u65E0\u6CD5\u90E8\u7F72\u3002" },
  UNSAFE_FLOW: { en: "The flow would let a case skip a mandatory step or get stuck; it is not deployed.", zh: "\u8BE5\u6D41\u7A0B\u53EF\u80FD\u8BA9\u6848\u4F8B\u8DF3\u8FC7\u5FC5\u7ECF\u6B65\u9AA4\u6216\u5361\u4F4F\uFF0C\u672A\u4E88\u90E8\u7F72\u3002" },
  VERSION_EXISTS: { en: "A different definition is already deployed under this id and version.", zh: "\u6B64\u7F16\u53F7\u548C\u7248\u672C\u4E0B\u5DF2\u90E8\u7F72\u4E86\u4E0D\u540C\u7684\u5B9A\u4E49\u3002" },
  INVALID_MIGRATION: { en: "The process cannot be moved to that version.", zh: "\u65E0\u6CD5\u5C06\u6D41\u7A0B\u8FC1\u79FB\u5230\u8BE5\u7248\u672C\u3002" },
  STORE_FAILED: { en: "The store could not read or write.", zh: "\u5B58\u50A8\u65E0\u6CD5\u8BFB\u5199\u3002" },
  INVALID_CURSOR: { en: "That page position is not one this list gave out.", zh: "\u8BE5\u5206\u9875\u4F4D\u7F6E\u4E0D\u662F\u6B64\u5217\u8868\u7ED9\u51FA\u7684\u3002" },
  // ── Who may do what ────────────────────────────────────────────────────────
  "NOT_PERMITTED.start": { en: "Only {roles} may start {flow}.", zh: "\u53EA\u6709{roles}\u53EF\u4EE5\u53D1\u8D77{flow}\u3002" },
  "NOT_PERMITTED.task": {
    en: (a2) => `Only ${a2.s.roles} may do ${a2.s.step}${a2.has("yours") ? ` (you act as ${a2.s.yours})` : ""}.`,
    zh: (a2) => `\u53EA\u6709${a2.s.roles}\u53EF\u4EE5\u5904\u7406${a2.s.step}${a2.has("yours") ? `\uFF08\u4F60\u7684\u89D2\u8272\u662F${a2.s.yours}\uFF09` : ""}\u3002`
  },
  "NOT_PERMITTED.update": { en: "You have no open step in this process, so you cannot change its data.", zh: "\u4F60\u5728\u6B64\u6D41\u7A0B\u4E2D\u6CA1\u6709\u5F85\u529E\u6B65\u9AA4\uFF0C\u56E0\u6B64\u4E0D\u80FD\u4FEE\u6539\u5176\u6570\u636E\u3002" },
  "NOT_PERMITTED.cancel": { en: "Only the person who started this process or an administrator may cancel it.", zh: "\u53EA\u6709\u53D1\u8D77\u6B64\u6D41\u7A0B\u7684\u4EBA\u6216\u7BA1\u7406\u5458\u53EF\u4EE5\u53D6\u6D88\u5B83\u3002" },
  "NOT_PERMITTED.cancelNoActor": {
    en: "Cancelling a process needs the person doing it: the one who started it or an administrator.",
    zh: "\u53D6\u6D88\u6D41\u7A0B\u5FC5\u987B\u6307\u660E\u64CD\u4F5C\u4EBA\uFF1A\u53D1\u8D77\u4EBA\u6216\u7BA1\u7406\u5458\u3002"
  },
  "NOT_PERMITTED.admin": {
    en: (a2) => `Only an administrator (${a2.s.roles}) may ${a2.s.what}; ${a2.s.actor} is not one.`,
    zh: (a2) => `\u53EA\u6709\u7BA1\u7406\u5458\uFF08${a2.s.roles}\uFF09\u53EF\u4EE5${a2.s.what}\uFF1B${a2.s.actor}\u4E0D\u662F\u7BA1\u7406\u5458\u3002`
  },
  "NOT_PERMITTED.adminNoActor": {
    en: (a2) => `Only an administrator (${a2.s.roles}) may ${a2.s.what}, and no one was named as doing it.`,
    zh: (a2) => `\u53EA\u6709\u7BA1\u7406\u5458\uFF08${a2.s.roles}\uFF09\u53EF\u4EE5${a2.s.what}\uFF0C\u4F46\u6CA1\u6709\u6307\u660E\u64CD\u4F5C\u4EBA\u3002`
  },
  "admin.deploy": { en: "deploy a flow", zh: "\u90E8\u7F72\u6D41\u7A0B" },
  "admin.migrate": { en: "move a process to another version", zh: "\u5C06\u6D41\u7A0B\u8FC1\u79FB\u5230\u5176\u4ED6\u7248\u672C" },
  "admin.retire": { en: "retire a flow version", zh: "\u505C\u7528\u6D41\u7A0B\u7248\u672C" },
  // ── Writes ─────────────────────────────────────────────────────────────────
  "FIELD_NOT_EDITABLE.onlyIn": { en: "Only {roles} may change {field} in {step}.", zh: "\u53EA\u6709{roles}\u53EF\u4EE5\u5728{step}\u4E2D\u4FEE\u6539{field}\u3002" },
  "FIELD_NOT_EDITABLE.onlyElsewhere": { en: "Only {roles} may change {field}, in {steps}.", zh: "\u53EA\u6709{roles}\u53EF\u4EE5\u4FEE\u6539{field}\uFF08\u5728{steps}\u4E2D\uFF09\u3002" },
  "FIELD_NOT_EDITABLE.never": {
    en: (a2) => `${upper(a2.s.field)} cannot be changed${a2.has("step") ? ` in ${a2.s.step}` : ""}.`,
    zh: (a2) => `${a2.has("step") ? `\u5728${a2.s.step}\u4E2D` : ""}\u4E0D\u80FD\u4FEE\u6539${a2.s.field}\u3002`
  },
  "FIELD_NOT_EDITABLE.atStart": {
    en: (a2) => `${upper(a2.s.flow)} cannot be started with ${a2.s.fields} filled in: that is not for the person starting it to enter.`,
    zh: (a2) => `\u53D1\u8D77${a2.s.flow}\u65F6\u4E0D\u80FD\u586B\u5199${a2.s.fields}\uFF1A\u8FD9\u4E9B\u5185\u5BB9\u4E0D\u7531\u53D1\u8D77\u4EBA\u586B\u5199\u3002`
  },
  "FIELD_NOT_EDITABLE.notYours": {
    en: (a2) => `You may not change ${a2.s.fields} ${a2.has("step") ? `in ${a2.s.step}` : "in this process"}.`,
    zh: (a2) => `\u4F60\u4E0D\u80FD${a2.has("step") ? `\u5728${a2.s.step}\u4E2D` : "\u5728\u6B64\u6D41\u7A0B\u4E2D"}\u4FEE\u6539${a2.s.fields}\u3002`
  },
  "UNKNOWN_FIELD.computed": {
    en: "{field}'s {what} is computed from its content: write {field} itself (or one of its items by number), not its {what}.",
    zh: "{field}\u7684{what}\u7531\u5176\u5185\u5BB9\u8BA1\u7B97\u5F97\u51FA\uFF1A\u8BF7\u5199\u5165{field}\u672C\u8EAB\uFF08\u6216\u6309\u5E8F\u53F7\u5199\u5165\u5176\u4E2D\u4E00\u4E2A\u6761\u76EE\uFF09\uFF0C\u4E0D\u80FD\u5199\u5165\u5176{what}\u3002"
  },
  "UNKNOWN_FIELD.listKey": {
    en: "{field} is a list: write one of its items by its number, such as '{example}'; '{key}' is not an item number.",
    zh: "{field}\u662F\u4E00\u4E2A\u5217\u8868\uFF1A\u8BF7\u6309\u5E8F\u53F7\u5199\u5165\u5176\u4E2D\u4E00\u4E2A\u6761\u76EE\uFF0C\u4F8B\u5982\u201C{example}\u201D\uFF1B\u201C{key}\u201D\u4E0D\u662F\u6761\u76EE\u5E8F\u53F7\u3002"
  },
  "UNKNOWN_FIELD.listIndex": {
    en: (a2) => a2.raw.count === 0 ? `${upper(a2.s.field)} has no items yet: write item 0 to add the first one; ${a2.s.index} would leave a gap.` : `${upper(a2.s.field)} has ${a2.raw.count === 1 ? "one item" : `${a2.s.count} items`}: write ${a2.raw.count === 1 ? "item 0" : `item 0 to ${a2.s.last}`}, or item ${a2.s.count} to add one at the end; ${a2.s.index} would leave a gap.`,
    zh: (a2) => a2.raw.count === 0 ? `${a2.s.field}\u8FD8\u6CA1\u6709\u6761\u76EE\uFF1A\u5199\u5165\u7B2C 0 \u9879\u5373\u6DFB\u52A0\u7B2C\u4E00\u9879\uFF1B\u5199\u5165\u7B2C ${a2.s.index} \u9879\u4F1A\u7559\u4E0B\u7A7A\u7F3A\u3002` : `${a2.s.field}\u6709 ${a2.s.count} \u4E2A\u6761\u76EE\uFF1A\u53EF\u5199\u5165\u7B2C 0${a2.raw.count === 1 ? "" : ` \u81F3 ${a2.s.last}`} \u9879\uFF0C\u6216\u5199\u5165\u7B2C ${a2.s.count} \u9879\u5728\u672B\u5C3E\u6DFB\u52A0\uFF1B\u5199\u5165\u7B2C ${a2.s.index} \u9879\u4F1A\u7559\u4E0B\u7A7A\u7F3A\u3002`
  },
  "UNKNOWN_FIELD.pathTooLong": {
    en: "'{path}' is not a data path: a written path has at most {segments} parts and {chars} characters.",
    zh: "\u201C{path}\u201D\u4E0D\u662F\u6570\u636E\u8DEF\u5F84\uFF1A\u5199\u5165\u7684\u8DEF\u5F84\u6700\u591A {segments} \u6BB5\u3001{chars} \u4E2A\u5B57\u7B26\u3002"
  },
  "UNKNOWN_FIELD.path": {
    en: (a2) => `${a2.has("reason") ? upper(a2.s.reason) : `'${a2.s.path}' is not part of this process's data`}, so it cannot be written.`,
    zh: (a2) => `\u201C${a2.s.path}\u201D\u4E0D\u662F\u6B64\u6D41\u7A0B\u7684\u6570\u636E\uFF0C\u65E0\u6CD5\u5199\u5165\u3002`
  },
  "INVALID_VALUE.type": { en: (a2) => enEnd(upper(a2.s.problems)), zh: (a2) => zhEnd(a2.s.problems) },
  "INVALID_VALUE.stored": {
    en: (a2) => `${a2.has("field") ? upper(a2.s.field) : "The data"} cannot be stored: ${a2.s.why}.`,
    zh: (a2) => `${a2.has("field") ? a2.s.field : "\u6570\u636E"}\u65E0\u6CD5\u4FDD\u5B58\uFF1A${a2.s.why}\u3002`
  },
  "INVALID_VALUE.reason": { en: "Say why the process is cancelled: the reason is kept in its history.", zh: "\u8BF7\u8BF4\u660E\u53D6\u6D88\u6D41\u7A0B\u7684\u539F\u56E0\uFF1A\u539F\u56E0\u4F1A\u8BB0\u5165\u5176\u5386\u53F2\u3002" },
  "INVALID_VALUE.limits": { en: (a2) => `${upper(a2.s.problems)}.`, zh: "{problems}\u3002" },
  "value.limitWas": { en: "{field} must be {limit} (it is {value})", zh: "{field}\u5FC5\u987B{limit}\uFF08\u5F53\u524D\u4E3A{value}\uFF09" },
  "limit.notNegative": { en: "zero or more", zh: "\u4E0D\u5C0F\u4E8E 0" },
  "limit.min": { en: "at least {min}", zh: "\u4E0D\u5C0F\u4E8E {min}" },
  "limit.max": { en: "at most {max}", zh: "\u4E0D\u5927\u4E8E {max}" },
  "limit.minLength": { en: "at least {n} characters long", zh: "\u81F3\u5C11 {n} \u4E2A\u5B57\u7B26" },
  "limit.maxLength": { en: "at most {n} characters long", zh: "\u6700\u591A {n} \u4E2A\u5B57\u7B26" },
  "limit.pattern": { en: (a2) => a2.has("hint") ? a2.s.hint ?? "" : `written as ${a2.s.pattern ?? ""}`, zh: (a2) => a2.has("hint") ? `\u7B26\u5408\u683C\u5F0F\uFF1A${a2.s.hint}` : `\u7B26\u5408\u683C\u5F0F ${a2.s.pattern}` },
  "limit.notBefore": { en: "on or after {bound}", zh: "\u4E0D\u65E9\u4E8E{bound}" },
  "limit.notAfter": { en: "on or before {bound}", zh: "\u4E0D\u665A\u4E8E{bound}" },
  "limit.today": { en: "today", zh: "\u4ECA\u5929" },
  "limit.todayPlus": { en: (a2) => `${a2.s.days} days from today`, zh: "\u4ECA\u5929\u8D77 {days} \u5929" },
  "limit.rule": { en: "{message}", zh: "{message}" },
  "limit.inline": { en: "Must be {limit}.", zh: "\u5FC5\u987B{limit}\u3002" },
  "value.limit": { en: "{field} must be {limit}", zh: "{field}\u5FC5\u987B{limit}" },
  "value.mustBe": { en: "{field} must be {problem}", zh: "{field}\u5FC5\u987B\u662F{problem}" },
  "value.record": { en: "a record (an object of fields)", zh: "\u4E00\u6761\u8BB0\u5F55\uFF08\u5B57\u6BB5\u5BF9\u8C61\uFF09" },
  "value.list": { en: "a list", zh: "\u4E00\u4E2A\u5217\u8868" },
  "value.itemField": { en: "an item whose {item} is {problem}", zh: "\u6761\u76EE\uFF0C\u4E14\u5176{item}\u662F{problem}" },
  "value.listWhose": { en: "a list of items, each {problem}", zh: "\u7531\u6761\u76EE\u7EC4\u6210\u7684\u5217\u8868\uFF0C\u6BCF\u4E2A\u6761\u76EE\u90FD\u662F{problem}" },
  "value.item": { en: "an item (an object of its fields: {fields})", zh: "\u4E00\u4E2A\u6761\u76EE\uFF08\u7531\u5176\u5B57\u6BB5\u7EC4\u6210\u7684\u5BF9\u8C61\uFF1A{fields}\uFF09" },
  "value.itemUnknown": { en: "an item of only its fields ({fields}); '{key}' is not one of them", zh: "\u53EA\u542B\u5176\u5B57\u6BB5\uFF08{fields}\uFF09\u7684\u6761\u76EE\uFF1B\u201C{key}\u201D\u4E0D\u662F\u5176\u4E2D\u4E4B\u4E00" },
  "value.text": { en: "text", zh: "\u6587\u672C" },
  "value.number": { en: "a number", zh: "\u6570\u5B57" },
  "value.integer": { en: "a whole number", zh: "\u6574\u6570" },
  "value.boolean": { en: "yes or no (true or false)", zh: "\u662F\u6216\u5426\uFF08true \u6216 false\uFF09" },
  "value.date": { en: "a date written YYYY-MM-DD", zh: "\u683C\u5F0F\u4E3A YYYY-MM-DD \u7684\u65E5\u671F" },
  "value.datetime": { en: "a date and time (ISO 8601)", zh: "\u65E5\u671F\u65F6\u95F4\uFF08ISO 8601\uFF09" },
  "value.option": {
    en: (a2) => a2.has("options") ? `one of ${a2.s.options}` : "one of its options",
    zh: (a2) => a2.has("options") ? `\u4EE5\u4E0B\u9009\u9879\u4E4B\u4E00\uFF1A${a2.s.options}` : "\u5176\u9009\u9879\u4E4B\u4E00"
  },
  "data.notNumber": { en: "{value} is not a number CRM Flow stores", zh: "{value}\u4E0D\u662F\u53EF\u4FDD\u5B58\u7684\u6570\u5B57" },
  "data.notData": { en: "a {type} is not data", zh: "{type}\u7C7B\u578B\u4E0D\u662F\u6570\u636E" },
  "data.tooDeep": { en: "it is nested more than {max} levels deep", zh: "\u5D4C\u5957\u8D85\u8FC7{max}\u5C42" },
  "data.tooMany": { en: "a write may carry at most {max} values", zh: "\u4E00\u6B21\u5199\u5165\u6700\u591A\u5305\u542B{max}\u4E2A\u503C" },
  "data.tooLong": { en: "a write may carry at most {max} characters of text", zh: "\u4E00\u6B21\u5199\u5165\u7684\u6587\u672C\u6700\u591A{max}\u4E2A\u5B57\u7B26" },
  "data.badDate": { en: "the date is not valid", zh: "\u65E5\u671F\u65E0\u6548" },
  "data.reservedKey": { en: "the key '{key}' is never allowed in data", zh: "\u6570\u636E\u4E2D\u4E0D\u5141\u8BB8\u4F7F\u7528\u952E\u201C{key}\u201D" },
  "REQUIRED_MISSING.step": { en: "{step} needs {fields} before it can be completed.", zh: "{step}\u9700\u8981\u5148\u586B\u5199{fields}\u624D\u80FD\u5B8C\u6210\u3002" },
  "GATE_CLOSED.step": { en: "{step} cannot be completed yet: {why}", zh: "{step}\u6682\u65F6\u4E0D\u80FD\u5B8C\u6210\uFF1A{why}" },
  // ── Tasks and instances ────────────────────────────────────────────────────
  "TASK_NOT_OPEN.done": {
    en: (a2) => `${a2.s.step} was already completed${a2.has("by") ? ` by ${a2.s.by}` : ""}.`,
    zh: (a2) => `${a2.s.step}\u5DF2${a2.has("by") ? `\u7531${a2.s.by}` : ""}\u5B8C\u6210\u3002`
  },
  "TASK_NOT_OPEN.closed": { en: "{step} is no longer open (the process was cancelled or moved on).", zh: "{step}\u5DF2\u4E0D\u518D\u5F00\u653E\uFF08\u6D41\u7A0B\u5DF2\u53D6\u6D88\u6216\u5DF2\u7EE7\u7EED\uFF09\u3002" },
  "TASK_NOT_OPEN.unknown": { en: "This process has no task '{taskId}'.", zh: "\u6B64\u6D41\u7A0B\u6CA1\u6709\u4EFB\u52A1\u201C{taskId}\u201D\u3002" },
  "TASK_NOT_OPEN.notInVersion": { en: "Step '{nodeId}' is not part of this version of the flow.", zh: "\u6B65\u9AA4\u201C{nodeId}\u201D\u4E0D\u5C5E\u4E8E\u6B64\u7248\u672C\u7684\u6D41\u7A0B\u3002" },
  "SAME_ACTOR.step": { en: "{step} must be done by someone other than the person who did {other} ({by}).", zh: "{step}\u5FC5\u987B\u7531\u5B8C\u6210{other}\u7684\u4EBA\uFF08{by}\uFF09\u4EE5\u5916\u7684\u4EBA\u5904\u7406\u3002" },
  "VERSION_CONFLICT.completed": {
    en: (a2) => `${a2.s.step} was completed${a2.has("by") ? ` by ${a2.s.by}` : ""} a moment ago, at the same time as your change; yours was not saved.`,
    zh: (a2) => `${a2.s.step}\u521A\u521A\u5DF2${a2.has("by") ? `\u7531${a2.s.by}` : ""}\u5B8C\u6210\uFF0C\u4E0E\u4F60\u7684\u4FEE\u6539\u540C\u65F6\u53D1\u751F\uFF1B\u4F60\u7684\u4FEE\u6539\u672A\u4FDD\u5B58\u3002`
  },
  "VERSION_CONFLICT.changed": { en: "Someone else changed this process since you opened it; reload it and try again.", zh: "\u4F60\u6253\u5F00\u540E\u5DF2\u6709\u5176\u4ED6\u4EBA\u4FEE\u6539\u4E86\u6B64\u6D41\u7A0B\uFF0C\u8BF7\u5237\u65B0\u540E\u91CD\u8BD5\u3002" },
  "INSTANCE_ENDED.completed": { en: "This process finished; nothing more can be done in it.", zh: "\u6B64\u6D41\u7A0B\u5DF2\u5B8C\u6210\uFF0C\u65E0\u6CD5\u518D\u8FDB\u884C\u4EFB\u4F55\u64CD\u4F5C\u3002" },
  "INSTANCE_ENDED.cancelled": { en: "This process was cancelled; nothing more can be done in it.", zh: "\u6B64\u6D41\u7A0B\u5DF2\u53D6\u6D88\uFF0C\u65E0\u6CD5\u518D\u8FDB\u884C\u4EFB\u4F55\u64CD\u4F5C\u3002" },
  "UNKNOWN_INSTANCE.id": { en: "There is no process instance '{instanceId}'.", zh: "\u4E0D\u5B58\u5728\u6D41\u7A0B\u5B9E\u4F8B\u201C{instanceId}\u201D\u3002" },
  "UNKNOWN_FLOW.flow": { en: "No flow '{flowId}' is deployed.", zh: "\u6CA1\u6709\u90E8\u7F72\u6D41\u7A0B\u201C{flowId}\u201D\u3002" },
  FLOW_RETIRED: { en: "This flow version is retired: no new cases start on it.", zh: "\u6B64\u6D41\u7A0B\u7248\u672C\u5DF2\u505C\u7528\uFF1A\u4E0D\u80FD\u518D\u53D1\u8D77\u65B0\u7684\u5355\u636E\u3002" },
  "FLOW_RETIRED.version": {
    en: "Version {version} of flow '{flowId}' was retired by {by} on {at} ({reason}); no new cases start on it. Start the current version instead.",
    zh: "\u6D41\u7A0B\u201C{flowId}\u201D\u7684\u7B2C {version} \u7248\u5DF2\u4E8E {at} \u7531{by}\u505C\u7528\uFF08{reason}\uFF09\uFF0C\u4E0D\u80FD\u518D\u53D1\u8D77\u65B0\u7684\u5355\u636E\u3002\u8BF7\u4F7F\u7528\u5F53\u524D\u7248\u672C\u3002"
  },
  "FLOW_RETIRED.all": { en: "Every version of flow '{flowId}' is retired; no new cases can start.", zh: "\u6D41\u7A0B\u201C{flowId}\u201D\u7684\u6240\u6709\u7248\u672C\u90FD\u5DF2\u505C\u7528\uFF0C\u4E0D\u80FD\u518D\u53D1\u8D77\u65B0\u7684\u5355\u636E\u3002" },
  "INVALID_VALUE.retireReason": { en: "Say why the version is retired: the reason is kept with it.", zh: "\u8BF7\u8BF4\u660E\u505C\u7528\u8BE5\u7248\u672C\u7684\u539F\u56E0\uFF1A\u539F\u56E0\u4F1A\u968F\u7248\u672C\u4FDD\u5B58\u3002" },
  "UNKNOWN_FLOW.version": { en: "Version {version} of flow '{flowId}' is not deployed.", zh: "\u6D41\u7A0B\u201C{flowId}\u201D\u7684\u7B2C {version} \u7248\u672A\u90E8\u7F72\u3002" },
  // ── Deploying and migrating ────────────────────────────────────────────────
  "INVALID_FLOW.problems": {
    en: (a2) => `The flow cannot be deployed:${a2.s.problems}${a2.has("more") ? `
(and ${a2.s.more} more)` : ""}`,
    zh: (a2) => `\u6D41\u7A0B\u65E0\u6CD5\u90E8\u7F72\uFF1A${a2.s.problems}${a2.has("more") ? `
\uFF08\u53E6\u6709 ${a2.s.more} \u4E2A\u95EE\u9898\uFF09` : ""}`
  },
  // ── Definition problems (INVALID_FLOW): English as the parser wrote it, Chinese by code and place ──
  // The entry of every 'problem.<code>' key (a key falls back to its first part): English is the
  // parser's own message; Chinese says what is wrong by the code (PROBLEM_ZH), at its place.
  problem: { en: "{message}", zh: (a2) => `${a2.has("path") ? `${a2.s.path}\uFF1A` : ""}${problemZh(a2.key.slice(8))}\u3002` },
  "INVALID_FLOW.compile": { en: "Flow '{flowId}' version {version} cannot be run: {why}", zh: "\u6D41\u7A0B\u201C{flowId}\u201D\u7B2C {version} \u7248\u65E0\u6CD5\u8FD0\u884C\uFF1A{why}" },
  "UNSAFE_FLOW.findings": {
    en: (a2) => `Flow '${a2.s.flowId}' version ${a2.s.version} is not deployed: ${a2.raw.count === 1 ? "one problem" : `${a2.s.count} problems`} would let a case skip a mandatory step or get stuck:${a2.s.findings}`,
    zh: (a2) => `\u6D41\u7A0B\u201C${a2.s.flowId}\u201D\u7B2C ${a2.s.version} \u7248\u672A\u90E8\u7F72\uFF1A\u6709 ${a2.s.count} \u4E2A\u95EE\u9898\u53EF\u80FD\u8BA9\u6848\u4F8B\u8DF3\u8FC7\u5FC5\u7ECF\u6B65\u9AA4\u6216\u5361\u4F4F\uFF1A${a2.s.findings}`
  },
  "VERSION_EXISTS.version": {
    en: "Version {version} of flow '{flowId}' is already deployed with different content; deployed versions never change, so give this one a new version number.",
    zh: "\u6D41\u7A0B\u201C{flowId}\u201D\u7684\u7B2C {version} \u7248\u5DF2\u4EE5\u4E0D\u540C\u5185\u5BB9\u90E8\u7F72\uFF1B\u5DF2\u90E8\u7F72\u7684\u7248\u672C\u4E0D\u4F1A\u6539\u53D8\uFF0C\u8BF7\u4E3A\u6B64\u7248\u672C\u4F7F\u7528\u65B0\u7684\u7248\u672C\u53F7\u3002"
  },
  "INVALID_MIGRATION.problems": { en: "{problems}", zh: "{problems}" },
  "migrate.otherFlow": { en: "Version {version} belongs to flow '{to}', not '{from}'.", zh: "\u7B2C {version} \u7248\u5C5E\u4E8E\u6D41\u7A0B\u201C{to}\u201D\uFF0C\u800C\u4E0D\u662F\u201C{from}\u201D\u3002" },
  "migrate.sameVersion": { en: "The process already runs on version {version}.", zh: "\u6D41\u7A0B\u5DF2\u5728\u7B2C {version} \u7248\u4E0A\u8FD0\u884C\u3002" },
  "migrate.unknownFrom": { en: "The mapping names step '{nodeId}', which version {version} does not have.", zh: "\u6620\u5C04\u4E2D\u7684\u6B65\u9AA4\u201C{nodeId}\u201D\u5728\u7B2C {version} \u7248\u4E2D\u4E0D\u5B58\u5728\u3002" },
  "migrate.unknownTo": { en: "The mapping leads to step '{nodeId}', which version {version} does not have.", zh: "\u6620\u5C04\u6307\u5411\u7684\u6B65\u9AA4\u201C{nodeId}\u201D\u5728\u7B2C {version} \u7248\u4E2D\u4E0D\u5B58\u5728\u3002" },
  "migrate.standsAt": {
    en: "The process stands at {step}, which version {version} does not have; map it to a step of version {version}.",
    zh: "\u6D41\u7A0B\u505C\u5728{step}\uFF0C\u800C\u7B2C {version} \u7248\u6CA1\u6709\u8BE5\u6B65\u9AA4\uFF1B\u8BF7\u5C06\u5176\u6620\u5C04\u5230\u7B2C {version} \u7248\u7684\u67D0\u4E2A\u6B65\u9AA4\u3002"
  },
  "migrate.kind": { en: "{step} is {from} but '{target}' in version {version} is {to}.", zh: "{step}\u662F{from}\uFF0C\u4F46\u7B2C {version} \u7248\u4E2D\u7684\u201C{target}\u201D\u662F{to}\u3002" },
  "migrate.skips": { en: "Moving to {step} would skip the mandatory step {missing}.", zh: "\u8FC1\u79FB\u5230{step}\u4F1A\u8DF3\u8FC7\u5FC5\u7ECF\u6B65\u9AA4{missing}\u3002" },
  "kind.start": { en: "a start step", zh: "\u5F00\u59CB\u6B65\u9AA4" },
  "kind.end": { en: "an end step", zh: "\u7ED3\u675F\u6B65\u9AA4" },
  "kind.task": { en: "a task step", zh: "\u4EFB\u52A1\u6B65\u9AA4" },
  "kind.decision": { en: "a decision step", zh: "\u5224\u65AD\u6B65\u9AA4" },
  "kind.parallel": { en: "a parallel step", zh: "\u5E76\u884C\u6B65\u9AA4" },
  "kind.join": { en: "a join step", zh: "\u6C47\u5408\u6B65\u9AA4" },
  "kind.wait": { en: "a wait step", zh: "\u7B49\u5F85\u6B65\u9AA4" },
  "kind.system": { en: "a system step", zh: "\u7CFB\u7EDF\u6B65\u9AA4" },
  "kind.subflow": { en: "a sub-flow step", zh: "\u5B50\u6D41\u7A0B\u6B65\u9AA4" },
  "STORE_FAILED.store": { en: "The store failed: {why}", zh: "\u5B58\u50A8\u5931\u8D25\uFF1A{why}" },
  "STORE_FAILED.nesting": { en: "Sub-flows nest more than 50 levels deep; a flow probably starts itself.", zh: "\u5B50\u6D41\u7A0B\u5D4C\u5957\u8D85\u8FC7 50 \u5C42\uFF1B\u53EF\u80FD\u6709\u6D41\u7A0B\u5728\u542F\u52A8\u81EA\u8EAB\u3002" },
  "STORE_FAILED.idTaken": { en: "The id generator gave an id that is already taken ('{id}').", zh: "\u7F16\u53F7\u751F\u6210\u5668\u7ED9\u51FA\u4E86\u5DF2\u88AB\u5360\u7528\u7684\u7F16\u53F7\uFF08\u201C{id}\u201D\uFF09\u3002" },
  "INVALID_CURSOR.cursor": {
    en: "'{cursor}' is not a cursor of this list; pass the 'next' of the page before, or nothing for the first page.",
    zh: "\u201C{cursor}\u201D\u4E0D\u662F\u6B64\u5217\u8868\u7684\u5206\u9875\u4F4D\u7F6E\uFF1B\u8BF7\u4F20\u5165\u4E0A\u4E00\u9875\u7684 next\uFF0C\u7B2C\u4E00\u9875\u5219\u4E0D\u4F20\u3002"
  },
  "INVALID_CURSOR.limit": { en: "A page size must be a whole number of at least 1; got {limit}.", zh: "\u6BCF\u9875\u6761\u6570\u5FC5\u987B\u662F\u4E0D\u5C0F\u4E8E 1 \u7684\u6574\u6570\uFF1B\u6536\u5230\u7684\u662F {limit}\u3002" },
  // ── Why a rule could not be evaluated ──────────────────────────────────────
  "logic.LOGIC_POLICY": { en: "the rule uses something the rule policy forbids ({detail})", zh: "\u89C4\u5219\u4F7F\u7528\u4E86\u89C4\u5219\u7B56\u7565\u7981\u6B62\u7684\u5185\u5BB9\uFF08{detail}\uFF09" },
  "logic.LOGIC_BUDGET": { en: "the rule ran over its evaluation budget ({detail})", zh: "\u89C4\u5219\u8D85\u51FA\u4E86\u8BA1\u7B97\u9884\u7B97\uFF08{detail}\uFF09" },
  "logic.LOGIC_UNKNOWN_OPERATOR": { en: "the rule uses an unknown operator ({detail})", zh: "\u89C4\u5219\u4F7F\u7528\u4E86\u672A\u77E5\u8FD0\u7B97\u7B26\uFF08{detail}\uFF09" },
  "logic.LOGIC_DATA": { en: "the rule cannot read the data ({detail})", zh: "\u89C4\u5219\u65E0\u6CD5\u8BFB\u53D6\u6570\u636E\uFF08{detail}\uFF09" },
  "logic.error": { en: "{detail}", zh: "{detail}" },
  // ── Incidents ──────────────────────────────────────────────────────────────
  "incident.edgeRuleFailed": { en: "The condition on the way out of {step} could not be evaluated: {why}", zh: "{step}\u4E4B\u540E\u7684\u6761\u4EF6\u65E0\u6CD5\u8BA1\u7B97\uFF1A{why}" },
  "incident.deadEnd": { en: "{step} has no way out, so the process cannot go on.", zh: "{step}\u6CA1\u6709\u51FA\u53E3\uFF0C\u6D41\u7A0B\u65E0\u6CD5\u7EE7\u7EED\u3002" },
  "incident.noPath": {
    en: "None of the conditions after {step} holds and there is no default path, so the process cannot go on. Change the data or the flow.",
    zh: "{step}\u4E4B\u540E\u7684\u6761\u4EF6\u90FD\u4E0D\u6210\u7ACB\uFF0C\u4E14\u6CA1\u6709\u9ED8\u8BA4\u8DEF\u5F84\uFF0C\u6D41\u7A0B\u65E0\u6CD5\u7EE7\u7EED\u3002\u8BF7\u4FEE\u6539\u6570\u636E\u6216\u6D41\u7A0B\u3002"
  },
  "incident.unknownStep": { en: "The process stands at step '{nodeId}', which this version of the flow does not have.", zh: "\u6D41\u7A0B\u505C\u5728\u6B65\u9AA4\u201C{nodeId}\u201D\uFF0C\u800C\u6B64\u7248\u672C\u7684\u6D41\u7A0B\u6CA1\u6709\u8BE5\u6B65\u9AA4\u3002" },
  "incident.loopLimit": {
    en: "Automatic steps ran more than {limit} times without stopping at a person (a loop at {step}?).",
    zh: "\u81EA\u52A8\u6B65\u9AA4\u8FDE\u7EED\u8FD0\u884C\u8D85\u8FC7 {limit} \u6B21\u800C\u672A\u4EA4\u7ED9\u4EFB\u4F55\u4EBA\u5904\u7406\uFF08{step}\u5904\u53EF\u80FD\u6709\u5FAA\u73AF\uFF09\u3002"
  },
  "incident.noBranches": { en: "{step} has no branches.", zh: "{step}\u6CA1\u6709\u5206\u652F\u3002" },
  "incident.assignInvalid": { en: (a2) => `${upper(a2.s.step)} did not store its results: ${a2.s.problems}.`, zh: "{step}\u672A\u4FDD\u5B58\u5176\u7ED3\u679C\uFF1A{problems}\u3002" },
  "incident.outputInvalid": { en: (a2) => `${upper(a2.s.step)} did not store the sub-flow's results: ${a2.s.problems}.`, zh: "{step}\u672A\u4FDD\u5B58\u5B50\u6D41\u7A0B\u7684\u7ED3\u679C\uFF1A{problems}\u3002" },
  "incident.assignFailed": { en: "{step} could not compute {target}: {why}", zh: "{step}\u65E0\u6CD5\u8BA1\u7B97{target}\uFF1A{why}" },
  "incident.subflowUnavailable": {
    en: (a2) => `${a2.s.step} runs ${a2.has("version") ? `version ${a2.s.version} of flow '${a2.s.flowId}'` : `flow '${a2.s.flowId}'`}, which is not deployed.`,
    zh: (a2) => `${a2.s.step}\u8981\u8FD0\u884C${a2.has("version") ? `\u6D41\u7A0B\u201C${a2.s.flowId}\u201D\u7684\u7B2C ${a2.s.version} \u7248` : `\u6D41\u7A0B\u201C${a2.s.flowId}\u201D`}\uFF0C\u4F46\u5B83\u672A\u90E8\u7F72\u3002`
  },
  "incident.inputFailed": { en: "{step} could not compute the sub-flow's input: {why}", zh: "{step}\u65E0\u6CD5\u8BA1\u7B97\u5B50\u6D41\u7A0B\u7684\u8F93\u5165\uFF1A{why}" },
  "incident.outputFailed": { en: "{step} could not map the sub-flow's results back: {why}", zh: "{step}\u65E0\u6CD5\u5C06\u5B50\u6D41\u7A0B\u7684\u7ED3\u679C\u5199\u56DE\uFF1A{why}" },
  "incident.mandatorySkipped": { en: "The process reached {step} without the mandatory step {missing}; it is held there.", zh: "\u6D41\u7A0B\u672A\u7ECF\u5FC5\u7ECF\u6B65\u9AA4{missing}\u5C31\u5230\u8FBE\u4E86{step}\uFF0C\u5DF2\u5728\u6B64\u6682\u505C\u3002" },
  "incident.subflowCancelled": { en: "The sub-flow started by {step} was cancelled ({reason}), so this path cannot go on.", zh: "{step}\u542F\u52A8\u7684\u5B50\u6D41\u7A0B\u5DF2\u53D6\u6D88\uFF08{reason}\uFF09\uFF0C\u6B64\u8DEF\u5F84\u65E0\u6CD5\u7EE7\u7EED\u3002" },
  "incident.slaFailed": {
    en: "The SLA of {step} could not be computed ({why}), so the task is treated as due now and escalates.",
    zh: "{step}\u7684\u65F6\u9650\u65E0\u6CD5\u8BA1\u7B97\uFF08{why}\uFF09\uFF0C\u56E0\u6B64\u8BE5\u4EFB\u52A1\u6309\u5DF2\u5230\u671F\u5904\u7406\u5E76\u4F1A\u5347\u7EA7\u3002"
  },
  "incident.timerFailed": {
    en: (a2) => `The timer of ${a2.s.step} could not be computed (${a2.s.why}); ${a2.raw.until === true ? "the wait ends only when its condition holds" : "the wait ends at once"}.`,
    zh: (a2) => `${a2.s.step}\u7684\u8BA1\u65F6\u65E0\u6CD5\u8BA1\u7B97\uFF08${a2.s.why}\uFF09\uFF1B${a2.raw.until === true ? "\u53EA\u6709\u6761\u4EF6\u6210\u7ACB\u65F6\u7B49\u5F85\u624D\u4F1A\u7ED3\u675F" : "\u7B49\u5F85\u7ACB\u5373\u7ED3\u675F"}\u3002`
  },
  "incident.waitRuleFailed": {
    en: "The condition of the wait {step} could not be evaluated ({why}); it keeps waiting until the condition can be evaluated (or its timer, if any).",
    zh: "\u7B49\u5F85\u6B65\u9AA4{step}\u7684\u6761\u4EF6\u65E0\u6CD5\u8BA1\u7B97\uFF08{why}\uFF09\uFF1B\u5B83\u5C06\u7EE7\u7EED\u7B49\u5F85\uFF0C\u76F4\u5230\u6761\u4EF6\u53EF\u4EE5\u8BA1\u7B97\uFF08\u6216\u8BA1\u65F6\u5230\u671F\uFF09\u3002"
  },
  "incident.controlFailed": {
    en: (a2) => `The condition of control ${a2.s.control} could not be evaluated (${a2.s.why}), ${a2.raw.gate === true ? "so the steps it guards are held until it can be" : "so its alert could not be raised"}.`,
    zh: (a2) => `\u7BA1\u63A7\u70B9${a2.s.control}\u7684\u6761\u4EF6\u65E0\u6CD5\u8BA1\u7B97\uFF08${a2.s.why}\uFF09\uFF0C${a2.raw.gate === true ? "\u5B83\u6240\u7BA1\u63A7\u7684\u6B65\u9AA4\u5C06\u6682\u505C\uFF0C\u76F4\u5230\u6761\u4EF6\u53EF\u4EE5\u8BA1\u7B97" : "\u56E0\u6B64\u65E0\u6CD5\u53D1\u51FA\u5176\u63D0\u9192"}\u3002`
  },
  // ── Alerts ─────────────────────────────────────────────────────────────────
  "alert.overdue": { en: "{step} is overdue: it was due {dueAt}.", zh: "{step}\u5DF2\u903E\u671F\uFF1A\u622A\u6B62\u65F6\u95F4\u4E3A {dueAt}\u3002" },
  // ── History ────────────────────────────────────────────────────────────────
  "history.instance.started": {
    en: (a2) => `${upper(a2.s.who)} started ${a2.s.flow} (version ${a2.s.version})${a2.has("parent") ? ` as a sub-flow of ${a2.s.parent}` : ""}.${a2.has("override") ? ` ${a2.s.override}` : ""}`,
    zh: (a2) => `${a2.s.who}\u53D1\u8D77\u4E86${a2.s.flow}\uFF08\u7B2C ${a2.s.version} \u7248\uFF09${a2.has("parent") ? `\uFF0C\u4F5C\u4E3A ${a2.s.parent} \u7684\u5B50\u6D41\u7A0B` : ""}\u3002${a2.s.override}`
  },
  "history.deployOverride": {
    en: "This version was deployed although the deploy check refused it ({rules}); accepted by {by}: {reason}",
    zh: "\u6B64\u7248\u672C\u5728\u90E8\u7F72\u68C0\u67E5\u672A\u901A\u8FC7\uFF08{rules}\uFF09\u7684\u60C5\u51B5\u4E0B\u4ECD\u88AB\u90E8\u7F72\uFF1B\u7531{by}\u51B3\u5B9A\uFF1A{reason}"
  },
  "history.token.moved": { en: "The process moved to {step}.", zh: "\u6D41\u7A0B\u8FDB\u5165{step}\u3002" },
  "history.token.split": { en: "{step} split into {count} parallel branches.", zh: "{step}\u5206\u4E3A {count} \u4E2A\u5E76\u884C\u5206\u652F\u3002" },
  "history.token.joined": { en: "All branches reached {step}.", zh: "\u6240\u6709\u5206\u652F\u90FD\u5DF2\u5230\u8FBE{step}\u3002" },
  "history.token.held": { en: "{step} is held by {controls}.", zh: "{step}\u88AB{controls}\u6682\u505C\u3002" },
  "history.token.ended": {
    en: (a2) => `A path reached ${a2.s.step}${a2.has("outcome") ? ` (${a2.s.outcome})` : ""}.`,
    zh: (a2) => `\u4E00\u6761\u8DEF\u5F84\u5230\u8FBE\u4E86${a2.s.step}${a2.has("outcome") ? `\uFF08${a2.s.outcome}\uFF09` : ""}\u3002`
  },
  "history.decision.taken": {
    en: (a2) => `${a2.s.step} chose ${a2.s.branch}${a2.raw.byDefault === true ? " (the default)" : ""}.`,
    zh: (a2) => `${a2.s.step}\u9009\u62E9\u4E86${a2.s.branch}${a2.raw.byDefault === true ? "\uFF08\u9ED8\u8BA4\uFF09" : ""}\u3002`
  },
  "history.task.opened": {
    en: (a2) => `${a2.s.step} is waiting for ${a2.has("roles") ? a2.s.roles : "anyone"}${a2.has("dueAt") ? `, due ${a2.s.dueAt}` : ""}.`,
    zh: (a2) => `${a2.s.step}\u7B49\u5F85${a2.has("roles") ? a2.s.roles : "\u4EFB\u4F55\u4EBA"}\u5904\u7406${a2.has("dueAt") ? `\uFF0C\u622A\u6B62\u65F6\u95F4 ${a2.s.dueAt}` : ""}\u3002`
  },
  "history.task.completed": { en: (a2) => `${upper(a2.s.who)} completed ${a2.s.step}.`, zh: "{who}\u5B8C\u6210\u4E86{step}\u3002" },
  "history.task.escalated": {
    en: (a2) => `${a2.s.step} is overdue${a2.has("to") ? `; escalated to ${a2.s.to}` : ""}.`,
    zh: (a2) => `${a2.s.step}\u5DF2\u903E\u671F${a2.has("to") ? `\uFF0C\u5DF2\u5347\u7EA7\u7ED9${a2.s.to}` : ""}\u3002`
  },
  "history.data.changed": { en: (a2) => enEnd(`${upper(a2.s.who)} changed ${a2.s.changes}`), zh: (a2) => zhEnd(`${a2.s.who}\u4FEE\u6539\u4E86${a2.s.changes}`) },
  "history.change": { en: "{field} {from} \u2192 {to}", zh: "{field} {from} \u2192 {to}" },
  "history.control.changed": {
    en: (a2) => `Control ${a2.s.control} ${a2.raw.holds === true ? "now holds" : "no longer holds"}.`,
    zh: (a2) => `\u7BA1\u63A7\u70B9${a2.s.control}${a2.raw.holds === true ? "\u73B0\u5728\u6210\u7ACB" : "\u4E0D\u518D\u6210\u7ACB"}\u3002`
  },
  "history.alert.raised": {
    en: (a2) => `Alert to ${a2.has("to") ? a2.s.to : "everyone on the process"}: ${a2.s.message}`,
    zh: (a2) => `\u63D0\u9192${a2.has("to") ? a2.s.to : "\u6D41\u7A0B\u4E2D\u7684\u6240\u6709\u4EBA"}\uFF1A${a2.s.message}`
  },
  "history.wait.started": {
    en: (a2) => `${a2.s.step} is waiting${a2.has("dueAt") ? ` until ${a2.s.dueAt} at most` : ""}.`,
    zh: (a2) => `${a2.s.step}\u5F00\u59CB\u7B49\u5F85${a2.has("dueAt") ? `\uFF0C\u6700\u8FDF\u5230 ${a2.s.dueAt}` : ""}\u3002`
  },
  "history.wait.ended": {
    en: (a2) => `${a2.s.step} ended: ${a2.raw.reason === "timer" ? "the time was up" : "its condition holds"}.`,
    zh: (a2) => `${a2.s.step}\u7ED3\u675F\uFF1A${a2.raw.reason === "timer" ? "\u65F6\u95F4\u5DF2\u5230" : "\u6761\u4EF6\u5DF2\u6210\u7ACB"}\u3002`
  },
  "history.subflow.started": { en: "{step} started {flow} (version {version}) as {child}.", zh: "{step}\u53D1\u8D77\u4E86{flow}\uFF08\u7B2C {version} \u7248\uFF09\uFF0C\u5B9E\u4F8B {child}\u3002" },
  "history.subflow.completed": {
    en: (a2) => `The sub-flow of ${a2.s.step} finished${a2.has("outcome") ? ` (${a2.s.outcome})` : ""}.`,
    zh: (a2) => `${a2.s.step}\u7684\u5B50\u6D41\u7A0B\u5DF2\u5B8C\u6210${a2.has("outcome") ? `\uFF08${a2.s.outcome}\uFF09` : ""}\u3002`
  },
  "history.incident.raised": { en: "Incident: {message}", zh: "\u5F02\u5E38\uFF1A{message}" },
  "history.incident.resolved": { en: "Incident {incidentId} is resolved.", zh: "\u5F02\u5E38 {incidentId} \u5DF2\u89E3\u51B3\u3002" },
  "history.instance.completed": {
    en: (a2) => `The process finished at ${a2.s.step}${a2.has("outcome") ? ` with outcome ${a2.s.outcome}` : ""}.`,
    zh: (a2) => `\u6D41\u7A0B\u5728${a2.s.step}\u7ED3\u675F${a2.has("outcome") ? `\uFF0C\u7ED3\u679C\u4E3A ${a2.s.outcome}` : ""}\u3002`
  },
  "history.instance.cancelled": { en: (a2) => `${upper(a2.s.who)} cancelled the process: ${a2.s.reason}`, zh: "{who}\u53D6\u6D88\u4E86\u6D41\u7A0B\uFF1A{reason}" },
  "history.instance.migrated": { en: (a2) => `${upper(a2.s.who)} moved the process from version ${a2.s.from} to version ${a2.s.to}.`, zh: "{who}\u5C06\u6D41\u7A0B\u4ECE\u7B2C {from} \u7248\u8FC1\u79FB\u5230\u7B2C {to} \u7248\u3002" }
};
function upper(s = "") {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

// src/engine/texts/format.ts
function textLocale(locale) {
  return locale && /^zh\b/i.test(locale) ? "zh" : "en";
}
var TAG = { en: "en-GB", zh: "zh-CN" };
function isEngineText(v) {
  return typeof v === "object" && v !== null && typeof v.key === "string" && typeof v.args === "object" && v.args !== null;
}
function formatEngineText(a2, b2, c) {
  let text;
  let options;
  if (typeof a2 === "string") {
    options = c ?? {};
    const args = b2 ?? {};
    text = isEngineText(args.text) && (args.text.key === a2 || args.text.key.startsWith(`${a2}.`)) ? args.text : { key: a2, args };
  } else {
    text = a2;
    options = b2 ?? {};
  }
  return render(String(text.key), text.args ?? {}, new Renderer(options));
}
function entryOf(key, texts) {
  for (let k = key; ; ) {
    const e = texts?.[k] ?? (Object.prototype.hasOwnProperty.call(ENGINE_TEXTS, k) ? ENGINE_TEXTS[k] : void 0);
    if (e) return e;
    const dot = k.lastIndexOf(".");
    if (dot < 0) return void 0;
    k = k.slice(0, dot);
  }
}
function render(key, args, r) {
  const entry = entryOf(key, r.options.texts);
  if (!entry) return key;
  const template = entry[r.locale] ?? entry.en;
  const rendered = {};
  const view = {
    s: new Proxy(rendered, {
      get: (_t, name) => typeof name === "string" ? rendered[name] ??= args[name] === void 0 ? "" : r.arg(args[name]) : void 0
    }),
    key,
    raw: args,
    has: (name) => {
      const v = args[name];
      return v !== void 0 && v !== "" && !(typeof v === "object" && (v.kind === "list" || v.kind === "roles") && (v.kind === "list" ? v.items.length === 0 : v.ids.length === 0));
    }
  };
  const out = typeof template === "function" ? template(view) : template.replace(/\{(\^?)(\w+)\}/g, (_m, up, name) => up ? upperFirst(view.s[name]) : view.s[name]);
  return out;
}
var Renderer = class {
  constructor(options) {
    this.options = options;
    this.locale = textLocale(options.locale);
  }
  options;
  locale;
  numbers;
  times;
  dates;
  pick(t2) {
    if (!t2) return "";
    return this.locale === "zh" ? t2.zh ?? t2.en : t2.en;
  }
  quote(s) {
    return this.locale === "zh" ? `\u201C${s}\u201D` : `'${s}'`;
  }
  join(items, how = "and") {
    if (how === "lines") return items.map((i) => `
- ${i}`).join("");
    if (how === "semi") return items.join(this.locale === "zh" ? "\uFF1B" : "; ");
    if (items.length <= 1) return items[0] ?? "";
    if (this.locale === "zh") return `${items.slice(0, -1).join("\u3001")}${how === "or" ? "\u6216" : "\u548C"}${items[items.length - 1]}`;
    return `${items.slice(0, -1).join(", ")} ${how} ${items[items.length - 1]}`;
  }
  roleName(id, names) {
    const named = this.options.catalog?.roles.find((r) => r.id === id)?.name ?? names?.[id];
    if (!named) return id;
    const s = this.pick(named);
    return this.locale === "en" ? lowerFirst(s) : s;
  }
  time(at) {
    if (!Number.isFinite(at) || Math.abs(at) > 864e13) return this.locale === "zh" ? "\u672A\u77E5\u65F6\u95F4" : "an unknown time";
    this.times ??= new Intl.DateTimeFormat(TAG[this.locale], {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      ...this.options.timeZone ? { timeZone: this.options.timeZone } : {}
    });
    const s = this.times.format(at);
    return this.options.timeZone === "UTC" ? `${s} UTC` : s;
  }
  /** A calendar date (YYYY-MM-DD) in the reader's locale; no zone shifts it. */
  date(ymd) {
    this.dates ??= new Intl.DateTimeFormat(TAG[this.locale], { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
    return this.dates.format(Date.parse(`${ymd}T00:00:00Z`));
  }
  number(n) {
    this.numbers ??= new Intl.NumberFormat(TAG[this.locale], { maximumFractionDigits: 6 });
    return this.numbers.format(n);
  }
  /** One argument rendered; a malformed one (say, JSON from an older or foreign source) reads as its plain text, never throws. */
  arg(v) {
    try {
      return this.argOf(v);
    } catch {
      return typeof v === "object" && v !== null ? "" : String(v);
    }
  }
  argOf(v) {
    if (typeof v === "string") return v;
    if (typeof v === "number") return this.number(v);
    if (typeof v === "boolean") return this.locale === "zh" ? v ? "\u662F" : "\u5426" : v ? "yes" : "no";
    switch (v.kind) {
      case "text":
        return this.pick(v);
      case "msg":
        return render(v.key, v.args ?? {}, this);
      case "step":
        return this.quote(v.name ? this.pick(v.name) : v.id);
      case "field":
        return this.field(v);
      case "roles":
        return this.join(
          v.ids.map((id) => this.roleName(id, v.names)),
          v.join ?? "or"
        );
      case "actor": {
        if (v.system && !v.name) return this.locale === "zh" ? "\u7CFB\u7EDF" : "the system";
        const name = v.name ?? v.id;
        if (!v.roles?.length) return name;
        const roles = this.join(
          v.roles.map((r) => this.roleName(r, v.roleNames)),
          "and"
        );
        return this.locale === "zh" ? `${name}\uFF08${roles}\uFF09` : `${name} (${roles})`;
      }
      case "time":
        return this.time(v.at);
      case "value":
        if (typeof v.value === "string" && v.type === "datetime" && !Number.isNaN(Date.parse(v.value))) return this.time(Date.parse(v.value));
        if (typeof v.value === "string" && v.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(v.value)) return this.date(v.value);
        return this.value(v.value);
      case "list":
        return this.join(
          v.items.map((i) => this.arg(i)),
          v.join ?? "and"
        );
    }
  }
  field(v) {
    if (!v.name) return this.quote(v.path);
    const name = this.pick(v.name);
    if (!v.owner) return this.quote(name);
    const owner = this.pick(v.owner);
    if (this.locale === "zh") return name.startsWith(owner) ? name : `${owner}\u7684${name}`;
    const n = lowerFirst(name);
    const o = lowerFirst(owner);
    return n.startsWith(o) ? `the ${n}` : `the ${o}'s ${n}`;
  }
  value(v) {
    if (v === null || v === void 0 || v === "") return "\u2014";
    if (typeof v === "number") return this.number(v);
    if (typeof v === "boolean") return this.arg(v);
    const s = typeof v === "string" ? v : JSON.stringify(v);
    return s.length > 60 ? `${s.slice(0, 57)}\u2026` : s;
  }
};
function upperFirst(s) {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
function lowerFirst(s) {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

// src/engine/errors.ts
var EngineError = class extends Error {
  constructor(code, message, details = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
  code;
  details;
  name = "EngineError";
};
function isEngineError(e, code) {
  return e instanceof EngineError && (code === void 0 || e.code === code);
}
function refusal(code, key, args = {}, details = {}) {
  const text = { key, args };
  return new EngineError(code, formatEngineText(text, { locale: "en", timeZone: "UTC" }), { ...details, text });
}

// src/engine/data.ts
var FORBIDDEN = /* @__PURE__ */ new Set(["__proto__", "prototype", "constructor"]);
function getPath(data, path2) {
  if (!path2.includes(".")) {
    return data !== null && typeof data === "object" && Object.prototype.hasOwnProperty.call(data, path2) ? data[path2] : void 0;
  }
  let current = data;
  for (const key of path2.split(".")) {
    if (current === null || typeof current !== "object") return void 0;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return void 0;
    current = current[key];
  }
  return current;
}
function setPath(data, path2, value) {
  if (!path2.includes(".")) return { ...data, [path2]: value };
  return setIn(data, path2.split("."), 0, value);
}
function setIn(target, keys, i, value) {
  const key = keys[i];
  const last = i === keys.length - 1;
  if ((Array.isArray(target) || target === void 0 || target === null) && /^\d+$/.test(key)) {
    const copy2 = Array.isArray(target) ? target.slice() : [];
    const index = Number(key);
    copy2[index] = last ? value : setIn(copy2[index], keys, i + 1, value);
    return copy2;
  }
  const base = target !== null && typeof target === "object" && !Array.isArray(target) ? target : {};
  const copy = { ...base };
  copy[key] = last ? value : setIn(base[key], keys, i + 1, value);
  return copy;
}
function applyChanges(data, changes) {
  if (changes.length === 0) return data;
  if (changes.length === 1) return setPath(data, changes[0].path, changes[0].to);
  const owned = /* @__PURE__ */ new WeakSet();
  let out = data;
  for (const c of changes) out = setOwned(out, c.path, c.to, owned);
  return out;
}
function setOwned(data, path2, value, owned) {
  return setOwnedIn(data, path2.split("."), 0, value, owned);
}
function setOwnedIn(target, keys, i, value, owned) {
  const key = keys[i];
  const last = i === keys.length - 1;
  let node;
  if ((Array.isArray(target) || target === void 0 || target === null) && /^\d+$/.test(key)) {
    node = Array.isArray(target) ? owned.has(target) ? target : target.slice() : [];
  } else {
    const base = target !== null && typeof target === "object" && !Array.isArray(target) ? target : void 0;
    node = base ? owned.has(base) ? base : { ...base } : {};
  }
  owned.add(node);
  const slot = node;
  slot[key] = last ? value : setOwnedIn(slot[key], keys, i + 1, value, owned);
  return node;
}
function sameValue(a2, b2) {
  if (a2 === b2) return true;
  if (a2 === null || b2 === null || typeof a2 !== "object" || typeof b2 !== "object") {
    return (a2 === void 0 || a2 === null) && (b2 === void 0 || b2 === null);
  }
  if (Array.isArray(a2) !== Array.isArray(b2)) return false;
  if (Array.isArray(a2)) {
    const bb = b2;
    return a2.length === bb.length && a2.every((x, i) => sameValue(x, bb[i]));
  }
  const ka = Object.keys(a2);
  const kb = Object.keys(b2);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue(a2[k], b2[k]));
}
function normalizePatch(patch, variables) {
  const out = [];
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    const variable = Object.prototype.hasOwnProperty.call(variables, key) ? variables[key] : void 0;
    if (!key.includes(".") && variable?.type === "record" && isPlainObject(value)) {
      for (const field of Object.keys(value)) out.push({ path: `${key}.${field}`, value: value[field] });
    } else {
      out.push({ path: key, value });
    }
  }
  return out;
}
function badSegment(path2) {
  return path2.split(".").find((s) => s === "" || FORBIDDEN.has(s));
}
function diff(data, entries) {
  const changes = [];
  let current = data;
  const owned = entries.length > 1 ? /* @__PURE__ */ new WeakSet() : void 0;
  for (let i = 0; i < entries.length; i++) {
    const { path: path2, value } = entries[i];
    const from = getPath(current, path2);
    if (sameValue(from, value)) continue;
    const to = value === void 0 ? null : value;
    changes.push({ path: path2, from: from === void 0 ? null : from, to });
    if (owned && i < entries.length - 1) current = setOwned(current, path2, to, owned);
  }
  return changes;
}
function isPlainObject(v) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
function hasValue(v) {
  if (v === void 0 || v === null) return false;
  if (typeof v === "string") return v.trim() !== "";
  if (Array.isArray(v)) return v.length > 0;
  return true;
}
function copyJson(value) {
  const budget = { values: 0, chars: 0 };
  return copyPlain(value, 0, "", budget);
}
var MAX_WRITE_DEPTH = 32;
var MAX_WRITE_VALUES = 1e5;
var MAX_WRITE_CHARS = 1e6;
var RESERVED_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
function refuse(path2, key, args = {}) {
  const why = { kind: "msg", key, args };
  return refusal("INVALID_VALUE", "INVALID_VALUE.stored", { why, ...path2 ? { field: { kind: "field", path: path2 } } : {} }, path2 ? { fields: [path2] } : {});
}
function copyPlain(value, depth, path2, budget) {
  if (typeof value === "string") {
    budget.chars += value.length;
    if (budget.chars > MAX_WRITE_CHARS) throw refuse(path2, "data.tooLong", { max: MAX_WRITE_CHARS });
    return value;
  }
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw refuse(path2, "data.notNumber", { value: String(value) });
    return value;
  }
  if (typeof value !== "object") {
    if (value === void 0) return void 0;
    throw refuse(path2, "data.notData", { type: typeof value });
  }
  if (depth >= MAX_WRITE_DEPTH) throw refuse(path2, "data.tooDeep", { max: MAX_WRITE_DEPTH });
  if (Array.isArray(value)) {
    budget.values += value.length;
    if (budget.values > MAX_WRITE_VALUES) throw refuse(path2, "data.tooMany", { max: MAX_WRITE_VALUES });
    const out2 = new Array(value.length);
    for (let i = 0; i < value.length; i++) out2[i] = copyPlain(value[i], depth + 1, path2 ? `${path2}.${i}` : String(i), budget) ?? null;
    return out2;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw refuse(path2, "data.badDate");
    return value.toISOString();
  }
  const keys = Object.keys(value);
  budget.values += keys.length;
  if (budget.values > MAX_WRITE_VALUES) throw refuse(path2, "data.tooMany", { max: MAX_WRITE_VALUES });
  const out = {};
  for (const k of keys) {
    const at = path2 ? `${path2}.${k}` : k;
    if (RESERVED_KEYS.has(k)) throw refuse(at, "data.reservedKey", { key: k });
    budget.chars += k.length;
    if (budget.chars > MAX_WRITE_CHARS) throw refuse(path2, "data.tooLong", { max: MAX_WRITE_CHARS });
    out[k] = copyPlain(value[k], depth + 1, at, budget) ?? null;
  }
  return out;
}

// src/engine/apply.ts
function replay(events, from) {
  let state = from && events.length ? ownedCopy(from) : from;
  for (const e of events) state = applyInPlace(state, e);
  return state;
}
function ownedCopy(s) {
  return {
    instanceId: s.instanceId,
    flowId: s.flowId,
    version: s.version,
    status: s.status,
    seq: s.seq,
    data: s.data,
    // Written by most events: copied once here, then updated in place.
    tokens: { ...s.tokens },
    tasks: { ...s.tasks },
    visited: s.visited.slice(),
    // Written rarely: shared here, replaced (never mutated) when written.
    families: s.families,
    controls: s.controls,
    alerts: s.alerts,
    incidents: s.incidents,
    completedBy: s.completedBy,
    startedAt: s.startedAt,
    startedBy: s.startedBy,
    updatedAt: s.updatedAt,
    endedAt: s.endedAt,
    outcome: s.outcome,
    endNodeId: s.endNodeId,
    cancelReason: s.cancelReason,
    parent: s.parent,
    children: s.children
  };
}
function applyInPlace(draft, event) {
  if (event.type === "instance.started") return initial(event);
  if (!draft) throw new Error(`The log of instance '${event.instanceId}' does not begin with instance.started.`);
  const s = draft;
  s.seq = event.seq;
  s.updatedAt = event.at;
  switch (event.type) {
    case "token.moved": {
      s.tokens[event.tokenId] = token(event.tokenId, event.to, s.tokens[event.tokenId]?.familyId);
      s.visited.push(event.to);
      break;
    }
    case "token.split": {
      const outer = s.tokens[event.tokenId]?.familyId;
      s.tokens = without(s.tokens, event.tokenId);
      for (const b2 of event.branches) s.tokens[b2.tokenId] = token(b2.tokenId, b2.to, event.familyId);
      s.families = { ...s.families, [event.familyId]: { id: event.familyId, outer, members: event.branches.map((b2) => b2.tokenId) } };
      if (outer) replaceMember(s, outer, event.tokenId, event.branches.length ? event.familyId : void 0);
      for (const b2 of event.branches) s.visited.push(b2.to);
      break;
    }
    case "token.joined": {
      s.tokens = without(s.tokens, ...event.consumed);
      const outer = s.families[event.familyId]?.outer;
      s.families = without(s.families, event.familyId);
      s.tokens[event.tokenId] = token(event.tokenId, event.nodeId, outer);
      if (outer) replaceMember(s, outer, event.familyId, event.tokenId);
      break;
    }
    case "token.held":
      wait(s, event.tokenId, "gate");
      break;
    case "token.ended": {
      const family = s.tokens[event.tokenId]?.familyId;
      s.tokens = without(s.tokens, event.tokenId);
      if (family) dropMember(s, family, event.tokenId);
      break;
    }
    case "decision.taken":
      break;
    case "task.opened": {
      s.tasks[event.taskId] = {
        taskId: event.taskId,
        nodeId: event.nodeId,
        tokenId: event.tokenId,
        roles: event.roles,
        status: "open",
        openedAt: event.at,
        dueAt: event.dueAt,
        escalated: void 0,
        completedAt: void 0,
        completedBy: void 0
      };
      wait(s, event.tokenId, "task");
      break;
    }
    case "task.completed": {
      const t2 = s.tasks[event.taskId];
      if (t2) {
        s.tasks[event.taskId] = task(t2, "completed", { completedAt: event.at, completedBy: event.actor });
        clearToken(s, t2.tokenId);
      }
      if (event.actor) s.completedBy = { ...s.completedBy, [event.nodeId]: event.actor };
      break;
    }
    case "task.escalated": {
      const t2 = s.tasks[event.taskId];
      if (t2) s.tasks[event.taskId] = task(t2, t2.status, { escalated: true });
      break;
    }
    case "data.changed":
      s.data = applyChanges(s.data, event.changes);
      break;
    case "control.changed":
      s.controls = { ...s.controls, [event.controlId]: event.holds };
      break;
    case "alert.raised":
      s.alerts = [...s.alerts, { alertId: event.alertId, at: event.at, source: event.source, message: event.message, ...event.text ? { text: event.text } : {}, to: event.to, severity: event.severity }];
      break;
    case "wait.started":
      wait(s, event.tokenId, "wait", event.dueAt);
      break;
    case "wait.ended":
    case "subflow.completed":
      clearToken(s, event.tokenId);
      break;
    case "subflow.started":
      s.children = [...s.children, event.childInstanceId];
      wait(s, event.tokenId, "subflow", void 0, event.childInstanceId);
      break;
    case "incident.raised":
      s.incidents = s.incidents.concat({
        incidentId: event.incidentId,
        at: event.at,
        code: event.code,
        message: event.message,
        ...event.text ? { text: event.text } : {},
        ...event.nodeId ? { nodeId: event.nodeId } : {},
        ...event.tokenId ? { tokenId: event.tokenId } : {},
        ...event.controlId ? { controlId: event.controlId } : {},
        resolved: false
      });
      s.status = "incident";
      if (event.tokenId) wait(s, event.tokenId, "incident");
      break;
    case "incident.resolved": {
      const incident = s.incidents.find((x) => x.incidentId === event.incidentId);
      if (incident) s.incidents = s.incidents.map((x) => x === incident ? { ...x, resolved: true } : x);
      if (s.status === "incident" && s.incidents.every((x) => x.resolved)) s.status = "active";
      if (incident?.tokenId) clearToken(s, incident.tokenId);
      break;
    }
    case "instance.completed":
      s.status = "completed";
      s.endedAt = event.at;
      s.endNodeId = event.nodeId;
      s.outcome = event.outcome;
      break;
    case "instance.cancelled":
      s.status = "cancelled";
      s.endedAt = event.at;
      s.cancelReason = event.reason;
      for (const [id, t2] of Object.entries(s.tasks)) if (t2.status === "open") s.tasks[id] = task(t2, "cancelled");
      s.tokens = {};
      s.families = {};
      break;
    case "instance.migrated": {
      const map = (id) => event.nodeMap[id] ?? id;
      s.version = event.toVersion;
      for (const [id, t2] of Object.entries(s.tokens)) s.tokens[id] = token(t2.id, map(t2.nodeId), t2.familyId, t2.waiting, t2.dueAt, t2.childInstanceId);
      for (const [id, t2] of Object.entries(s.tasks)) if (t2.status === "open") s.tasks[id] = task(t2, "open", { nodeId: map(t2.nodeId), roles: event.taskRoles[id] ?? t2.roles });
      const completedBy = {};
      for (const [id, a2] of Object.entries(s.completedBy)) completedBy[map(id)] = a2;
      s.completedBy = completedBy;
      break;
    }
  }
  return s;
}
function initial(event) {
  return {
    instanceId: event.instanceId,
    flowId: event.flowId,
    version: event.version,
    status: "active",
    seq: event.seq,
    data: event.data,
    tokens: {},
    tasks: {},
    // Replaced, never changed in place (see ownedCopy): every new instance shares the same empty ones.
    families: NONE,
    controls: NONE,
    alerts: NO_ITEMS,
    incidents: NO_ITEMS,
    visited: [],
    completedBy: NONE,
    startedAt: event.at,
    startedBy: event.actor,
    updatedAt: event.at,
    endedAt: void 0,
    outcome: void 0,
    endNodeId: void 0,
    cancelReason: void 0,
    parent: event.parent,
    children: NO_ITEMS
  };
}
var NONE = Object.freeze({});
var NO_ITEMS = Object.freeze([]);
function token(id, nodeId, familyId, waiting, dueAt, childInstanceId) {
  return { id, nodeId, familyId, waiting, dueAt, childInstanceId };
}
function task(t2, status, extra = {}) {
  return {
    taskId: t2.taskId,
    nodeId: extra.nodeId ?? t2.nodeId,
    tokenId: t2.tokenId,
    roles: extra.roles ?? t2.roles,
    status,
    openedAt: t2.openedAt,
    dueAt: t2.dueAt,
    escalated: extra.escalated ?? t2.escalated,
    completedAt: extra.completedAt ?? t2.completedAt,
    completedBy: extra.completedBy ?? t2.completedBy
  };
}
function wait(s, tokenId, waiting, dueAt, childInstanceId) {
  const t2 = s.tokens[tokenId];
  if (t2) s.tokens[tokenId] = token(t2.id, t2.nodeId, t2.familyId, waiting, dueAt, childInstanceId);
}
function clearToken(s, tokenId) {
  const t2 = s.tokens[tokenId];
  if (t2) s.tokens[tokenId] = token(t2.id, t2.nodeId, t2.familyId);
}
function replaceMember(s, familyId, from, to) {
  const f = s.families[familyId];
  if (!f) return;
  const members2 = to === void 0 ? f.members.filter((m) => m !== from) : f.members.map((m) => m === from ? to : m);
  s.families = { ...s.families, [familyId]: { ...f, members: members2 } };
}
function dropMember(s, familyId, member) {
  const f = s.families[familyId];
  if (!f) return;
  const members2 = f.members.filter((m) => m !== member);
  if (members2.length > 0) {
    s.families = { ...s.families, [familyId]: { ...f, members: members2 } };
    return;
  }
  s.families = without(s.families, familyId);
  if (f.outer) dropMember(s, f.outer, familyId);
}
function without(obj, ...keys) {
  const out = {};
  for (const k in obj) if (!keys.includes(k)) out[k] = obj[k];
  return out;
}

// src/logic/truthy.ts
function truthy(value) {
  if (Array.isArray(value) && value.length === 0) return false;
  return !!value;
}

// src/logic/operators.ts
var ALLOWED_OPERATORS = [
  "var",
  "missing",
  "missing_some",
  "if",
  "?:",
  "and",
  "or",
  "!",
  "!!",
  "==",
  "===",
  "!=",
  "!==",
  ">",
  ">=",
  "<",
  "<=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "min",
  "max",
  "cat",
  "substr",
  "in",
  "merge",
  "map",
  "filter",
  "reduce",
  "all",
  "none",
  "some"
];
var FORBIDDEN_OPERATORS = {
  method: "it calls arbitrary JavaScript methods on data",
  log: "it writes to the console of whoever runs the flow"
};
var allowed = new Set(ALLOWED_OPERATORS);
function isAllowedOperator(op) {
  return allowed.has(op);
}
var FORBIDDEN_PATH_SEGMENTS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
var ITERATING_OPERATORS = /* @__PURE__ */ new Set(["map", "filter", "reduce", "all", "none", "some"]);

// src/logic/budget.ts
var DEFAULT_BUDGET = { maxSteps: 1e5, maxItems: 1e5, maxStringLength: 1e6 };
var LogicError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
    this.name = "LogicError";
  }
  code;
};
function overSteps(ctx) {
  throw new LogicError("LOGIC_BUDGET", `The rule took more than ${ctx.maxSteps} steps to evaluate and was stopped.`);
}
function countItems(ctx, n) {
  ctx.items += n;
  if (ctx.items > ctx.maxItems) {
    throw new LogicError("LOGIC_BUDGET", `The rule built more than ${ctx.maxItems} list items and was stopped.`);
  }
}
function overText(ctx) {
  throw new LogicError("LOGIC_BUDGET", `The rule built a text longer than ${ctx.maxStringLength} characters and was stopped.`);
}
var CHARS_PER_STEP = 16;
function checkString(ctx, s) {
  if (s.length > ctx.maxStringLength) overText(ctx);
  if (s.length > CHARS_PER_STEP) {
    ctx.steps += s.length / CHARS_PER_STEP | 0;
    if (ctx.steps > ctx.maxSteps) overSteps(ctx);
  }
  return s;
}
function chargeConversion(ctx, value) {
  const room = ctx.maxSteps - ctx.steps;
  let nodes = 0;
  let chars = 0;
  const pending = [value];
  const depths = [0];
  while (pending.length > 0) {
    const v = pending.pop();
    const depth = depths.pop();
    if (++nodes > room) overSteps(ctx);
    if (Array.isArray(v)) {
      if (depth >= MAX_CONVERSION_DEPTH) {
        throw new LogicError("LOGIC_DATA", `The rule cannot be evaluated on this data: a list is nested more than ${MAX_CONVERSION_DEPTH} levels deep.`);
      }
      for (let i = 0; i < v.length; i++) {
        pending.push(v[i]);
        depths.push(depth + 1);
      }
      chars += v.length * (depth + 1);
    } else chars += (typeof v === "string" ? v.length : 24) * (depth + 1);
    if (chars > ctx.maxStringLength) {
      throw new LogicError("LOGIC_BUDGET", `The rule would read a list as a text longer than ${ctx.maxStringLength} characters and was stopped.`);
    }
  }
  ctx.steps += nodes;
}
var MAX_CONVERSION_DEPTH = 1e3;
var LONG_TEXT = 64;
function chargeText(ctx, length) {
  ctx.steps += length / CHARS_PER_STEP | 0;
  if (ctx.steps > ctx.maxSteps) overSteps(ctx);
}
function chargeOperand(ctx, value) {
  if (typeof value === "string") {
    if (value.length > LONG_TEXT) chargeText(ctx, value.length);
  } else if (value !== null && typeof value === "object") chargeConversion(ctx, value);
}

// src/logic/operations.ts
function catText(v) {
  return v === null || v === void 0 ? "" : typeof v === "string" ? v : `${v}`;
}
function inList(a2, b2) {
  if (!b2 || typeof b2.indexOf !== "function") return false;
  return b2.indexOf(a2) !== -1;
}
var OTHER_OPERATIONS = {
  "==": (_c, [a2, b2]) => a2 == b2,
  "===": (_c, [a2, b2]) => a2 === b2,
  "!=": (_c, [a2, b2]) => a2 != b2,
  "!==": (_c, [a2, b2]) => a2 !== b2,
  ">": (_c, [a2, b2]) => a2 > b2,
  ">=": (_c, [a2, b2]) => a2 >= b2,
  "<": (_c, [a2, b2, x]) => x === void 0 ? a2 < b2 : a2 < b2 && b2 < x,
  "<=": (_c, [a2, b2, x]) => x === void 0 ? a2 <= b2 : a2 <= b2 && b2 <= x,
  in: (_c, [a2, b2]) => inList(a2, b2),
  "%": (_c, [a2, b2]) => a2 % b2,
  cat: (c, values) => {
    let length = 0;
    for (const v of values) if (typeof v === "string") length += v.length;
    if (length > c.maxStringLength) overText(c);
    return checkString(c, values.join(""));
  },
  substr: (c, [source, start2, end]) => {
    const s = String(source);
    if (end < 0) {
      const temp = s.substr(start2);
      return checkString(c, temp.substr(0, temp.length + end));
    }
    return checkString(c, s.substr(start2, end));
  },
  "+": (_c, values) => values.reduce((a2, b2) => parseFloat(a2) + parseFloat(b2), 0),
  "*": (_c, values) => {
    if (values.length === 0) throw new LogicError("LOGIC_POLICY", "Operator '*' needs at least one value.");
    return values.reduce((a2, b2) => parseFloat(a2) * parseFloat(b2));
  },
  "-": (_c, [a2, b2]) => b2 === void 0 ? -a2 : a2 - b2,
  "/": (_c, [a2, b2]) => a2 / b2,
  min: (_c, values) => Math.min(...values),
  max: (_c, values) => Math.max(...values),
  merge: (c, values) => {
    let size = 0;
    for (const v of values) size += Array.isArray(v) ? v.length : 1;
    countItems(c, size);
    return values.reduce((a2, b2) => a2.concat(b2), []);
  }
};

// src/logic/operand.ts
var hasOwn = Object.prototype.hasOwnProperty;
var CONST = 0;
var PATH1 = 1;
var PATH2 = 2;
var PATHN = 3;
var NODE = 4;
var BIN = 5;
var BINARY = {
  "==": 0,
  "!=": 1,
  "===": 2,
  "!==": 3,
  ">": 4,
  ">=": 5,
  "<": 6,
  "<=": 7,
  in: 8,
  "+": 9,
  "-": 10,
  "*": 11,
  "/": 12,
  "%": 13,
  max: 14,
  min: 15
};
var STRICT_EQ = 2;
var STRICT_NE = 3;
var IN = 8;
var Operand = class {
  constructor(t2, v, k0, k1, ks, fb, n, op = -1, a2 = null, b2 = null, c = null, ca = false, cb = false) {
    this.t = t2;
    this.v = v;
    this.k0 = k0;
    this.k1 = k1;
    this.ks = ks;
    this.fb = fb;
    this.n = n;
    this.op = op;
    this.a = a2;
    this.b = b2;
    this.c = c;
    this.ca = ca;
    this.cb = cb;
  }
  t;
  v;
  k0;
  k1;
  ks;
  fb;
  n;
  op;
  a;
  b;
  c;
  ca;
  cb;
};
function constant(v) {
  return new Operand(CONST, v, "", "", null, null, null);
}
function computed(n) {
  return new Operand(NODE, null, "", "", null, null, n);
}
function path(segments, dflt, fallback) {
  const t2 = segments.length === 1 ? PATH1 : segments.length === 2 ? PATH2 : PATHN;
  return new Operand(t2, dflt, segments[0], segments.length > 1 ? segments[1] : "", t2 === PATHN ? segments : null, fallback, null);
}
function binaryOperand(op, a2, b2, c) {
  const converts = op !== STRICT_EQ && op !== STRICT_NE;
  const pays = (o, right) => converts && (o.t !== CONST || typeof o.v === "object" && o.v !== null && !(right && op === IN));
  return new Operand(BIN, null, "", "", null, null, null, op, a2, b2, c, pays(a2, false), pays(b2, true));
}
function get(o, k) {
  if (o === null || o === void 0 || !hasOwn.call(o, k)) return void 0;
  const v = o[k];
  return typeof v === "function" ? void 0 : v;
}
function getPath2(data, segments) {
  let cur = data;
  for (let i = 0; i < segments.length; i++) {
    cur = get(cur, segments[i]);
    if (cur === void 0) return void 0;
  }
  return cur;
}
function ev(o, d) {
  const t2 = o.t;
  if (t2 === NODE) return o.n(d);
  if (t2 === CONST) return o.v;
  if (t2 === BIN) return binaryValue(o, d);
  return read(o, d);
}
function read(o, d) {
  const t2 = o.t;
  const v = t2 === PATH1 ? get(d, o.k0) : t2 === PATH2 ? get(get(d, o.k0), o.k1) : getPath2(d, o.ks);
  if (v !== void 0) return v;
  return o.fb === null ? o.v : o.fb(d);
}
function binaryValue(o, d) {
  const a2 = o.a;
  const x = a2.t === NODE ? a2.n(d) : a2.t === CONST ? a2.v : a2.t === BIN ? binaryValue(a2, d) : read(a2, d);
  if (o.ca && (typeof x === "object" ? x !== null : typeof x === "string" && x.length > LONG_TEXT)) chargeOperand(o.c, x);
  const b2 = o.b;
  const y = b2.t === NODE ? b2.n(d) : b2.t === CONST ? b2.v : b2.t === BIN ? binaryValue(b2, d) : read(b2, d);
  if (o.cb && (typeof y === "object" ? y !== null : typeof y === "string" && y.length > LONG_TEXT)) chargeOperand(o.c, y);
  return operate(o.op, x, y);
}
function operate(op, x, y) {
  switch (op) {
    case 0:
      return x == y;
    case 1:
      return x != y;
    case 2:
      return x === y;
    case 3:
      return x !== y;
    case 4:
      return x > y;
    case 5:
      return x >= y;
    case 6:
      return x < y;
    case 7:
      return x <= y;
    case 8:
      return !!y && typeof y.indexOf === "function" && y.indexOf(x) !== -1;
    // + and * parse both values as numbers (parseFloat); the others convert them as JavaScript does.
    case 9:
      return num(x) + num(y);
    case 10:
      return y === void 0 ? -x : x - y;
    case 11:
      return num(x) * num(y);
    case 12:
      return x / y;
    case 13:
      return x % y;
    case 14:
      return Math.max(x, y);
    default:
      return Math.min(x, y);
  }
}
function num(v) {
  if (typeof v === "number") return v === 0 ? 0 : v;
  if (v === null || v === void 0 || typeof v === "boolean") return NaN;
  return parseFloat(v);
}
function asNode(o) {
  if (o.t === NODE) return o.n;
  if (o.t === CONST) {
    const v = o.v;
    return () => v;
  }
  return (d) => ev(o, d);
}

// src/logic/compile.ts
function compileRule(rule, budget = {}) {
  const limits = { ...DEFAULT_BUDGET, ...budget };
  const ctx = { steps: 0, items: 0, maxSteps: limits.maxSteps, maxItems: limits.maxItems, maxStringLength: limits.maxStringLength };
  const root = new Compiler(ctx).root(rule);
  let run;
  if (root.t === CONST) {
    const value = root.v;
    run = (() => value);
  } else if (root.t === BIN) {
    run = ((data) => {
      ctx.steps = 0;
      ctx.items = 0;
      try {
        return ev(root, data);
      } catch (e) {
        throw asLogicError(e);
      }
    });
  } else if ((root.t === PATH1 || root.t === PATH2 || root.t === PATHN) && root.fb === null) {
    run = ((data) => {
      try {
        return ev(root, data);
      } catch (e) {
        throw asLogicError(e);
      }
    });
  } else {
    const node = asNode(root);
    run = ((data) => {
      ctx.steps = 0;
      ctx.items = 0;
      try {
        return node(data);
      } catch (e) {
        throw asLogicError(e);
      }
    });
  }
  Object.defineProperty(run, "rule", { value: rule });
  return run;
}
function asLogicError(e) {
  if (e instanceof LogicError) return e;
  return new LogicError("LOGIC_DATA", `The rule cannot be evaluated on this data: ${e instanceof RangeError ? "the data is nested too deeply" : e instanceof Error ? e.message : String(e)}.`);
}
function ruleWeight(rule) {
  let n = 0;
  const visit = (v) => {
    n++;
    if (typeof v === "string") n += v.length / CHARS_PER_STEP | 0;
    else if (Array.isArray(v)) v.forEach(visit);
    else if (isOperation(v)) {
      const op = Object.keys(v)[0];
      const raw = v[op];
      if (op === "var") {
        const name = Array.isArray(raw) ? raw[0] : raw;
        if (typeof name === "string") n += name.split(".").length;
      }
      visit(raw);
    }
  };
  visit(rule);
  return n;
}
function isOperation(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1;
}
function isConstant(v) {
  if (Array.isArray(v)) return v.every(isConstant);
  return !isOperation(v);
}
var isScalar = (v) => v === null || typeof v !== "object" && v !== void 0;
var yes = (t2) => t2 === true || t2 !== false && truthy(t2);
function mayReturnItsData(rule) {
  if (Array.isArray(rule)) return rule.some(mayReturnItsData);
  if (!isOperation(rule)) return false;
  const op = Object.keys(rule)[0];
  const raw = rule[op];
  const args = Array.isArray(raw) ? raw : [raw];
  if (op === "var") {
    const name = args[0];
    if (!(typeof name === "string" && name !== "" || typeof name === "number")) return true;
    return args.slice(1).some(mayReturnItsData);
  }
  if (ITERATING_OPERATORS.has(op)) return args.some((a2, i) => i !== 1 && mayReturnItsData(a2));
  return args.some(mayReturnItsData);
}
var Compiler = class {
  constructor(c, meter) {
    this.c = c;
    this.meter = meter;
  }
  c;
  meter;
  /** The root returns fresh arrays, as json-logic-js does, so callers may keep or change them. */
  root(rule) {
    if (Array.isArray(rule)) {
      const items = rule.map((r) => this.operand(r));
      return computed(this.meter ? this.metered(listOf(items)) : listOf(items));
    }
    return this.operand(rule);
  }
  /**
   * A part of a rule as an operand. Metered, every part is a counted closure;
   * otherwise constants and literal paths are read inline by the operation.
   */
  operand(rule) {
    return this.meter ? computed(this.node(rule)) : this.bare(rule);
  }
  /** A part of a rule as a closure (iteration bodies). */
  node(rule) {
    const n = asNode(this.bare(rule));
    return this.meter ? this.metered(n) : n;
  }
  metered(n) {
    const meter = this.meter;
    return (d) => {
      meter.nodes++;
      return n(d);
    };
  }
  bare(rule) {
    if (Array.isArray(rule)) {
      if (isConstant(rule)) return constant(Object.freeze(rule.slice()));
      return computed(listOf(rule.map((r) => this.operand(r))));
    }
    if (!isOperation(rule)) return constant(rule);
    const op = Object.keys(rule)[0];
    const raw = rule[op];
    const args = Array.isArray(raw) ? raw : [raw];
    if (op === "var") return this.variable(args);
    if (args.length === 2 && Object.prototype.hasOwnProperty.call(BINARY, op)) {
      const [left, right] = args;
      const written = (v) => Array.isArray(v) && v.every(isScalar) ? constant(Object.freeze(v.slice())) : this.operand(v);
      return binaryOperand(BINARY[op], written(left), written(right), this.c);
    }
    return computed(this.operation(op, args));
  }
  operation(op, args) {
    switch (op) {
      case "if":
      case "?:": {
        const parts = args.map((a2) => this.operand(a2));
        if (parts.length === 3) {
          const [p, q, r] = parts;
          return (d) => yes(ev(p, d)) ? ev(q, d) : ev(r, d);
        }
        const last = parts.length - 1;
        return (d) => {
          let i = 0;
          for (; i < last; i += 2) if (yes(ev(parts[i], d))) return ev(parts[i + 1], d);
          return parts.length === i + 1 ? ev(parts[i], d) : null;
        };
      }
      case "and":
      case "or": {
        const parts = args.map((a2) => this.operand(a2));
        const stopOn = op === "or";
        if (parts.length === 2) {
          const [a2, b2] = parts;
          return stopOn ? (d) => {
            const x = ev(a2, d);
            return yes(x) ? x : ev(b2, d);
          } : (d) => {
            const x = ev(a2, d);
            return yes(x) ? ev(b2, d) : x;
          };
        }
        return (d) => {
          let current;
          for (let i = 0; i < parts.length; i++) {
            current = ev(parts[i], d);
            if (yes(current) === stopOn) return current;
          }
          return current;
        };
      }
      case "!": {
        const a2 = this.operand(args[0]);
        return (d) => !yes(ev(a2, d));
      }
      case "!!": {
        const a2 = this.operand(args[0]);
        return (d) => yes(ev(a2, d));
      }
      case "filter":
      case "map":
      case "all":
      case "none":
      case "some":
        return this.iterate(op, args);
      case "reduce":
        return this.reduce(args);
      case "missing":
        return this.missing(args);
      case "missing_some": {
        const need = this.operand(args[0]);
        const options = this.operand(args[1]);
        return (d) => {
          const n = ev(need, d);
          const keys = ev(options, d);
          const list = Array.isArray(keys) ? keys : [keys];
          const missing = findMissing(d, list, this.c);
          return list.length - missing.length >= n ? [] : missing;
        };
      }
      case "cat":
        if (args.length >= 1 && args.length <= 3) return this.cat(args);
        return this.plain(op, args);
      default:
        return this.plain(op, args);
    }
  }
  /** Operators that evaluate every argument first. */
  plain(op, args) {
    const c = this.c;
    const parts = args.map((a2) => this.operand(a2));
    const fn = Object.prototype.hasOwnProperty.call(OTHER_OPERATIONS, op) ? OTHER_OPERATIONS[op] : void 0;
    if (!fn) throw new LogicError("LOGIC_UNKNOWN_OPERATOR", `'${op}' is not a JsonLogic operator CRM Flow can run.`);
    const converts = op !== "merge" && op !== "===" && op !== "!==";
    const readsText = converts && op !== "cat";
    return (d) => {
      const values = new Array(parts.length);
      for (let i = 0; i < parts.length; i++) {
        const v = ev(parts[i], d);
        if (typeof v === "object" ? converts && v !== null : readsText && typeof v === "string" && v.length > LONG_TEXT) chargeOperand(c, v);
        values[i] = v;
      }
      return fn(c, values);
    };
  }
  /**
   * `cat` of one to three parts without an argument list: each part that is
   * a list is charged for its conversion, the texts' lengths are summed and
   * checked before the text is built, and the text built is paid for.
   */
  cat(args) {
    const c = this.c;
    const [p, q, r] = [0, 1, 2].map((i) => i < args.length ? this.operand(args[i]) : constant(null));
    return (d) => {
      const x = ev(p, d);
      if (typeof x === "object" && x !== null) chargeOperand(c, x);
      const y = ev(q, d);
      if (typeof y === "object" && y !== null) chargeOperand(c, y);
      const z = ev(r, d);
      if (typeof z === "object" && z !== null) chargeOperand(c, z);
      const length = (typeof x === "string" ? x.length : 0) + (typeof y === "string" ? y.length : 0) + (typeof z === "string" ? z.length : 0);
      if (length > c.maxStringLength) overText(c);
      return checkString(c, catText(x) + catText(y) + catText(z));
    };
  }
  variable(args) {
    const [nameArg] = args;
    if (nameArg === void 0 || nameArg === null || nameArg === "") return computed((d) => d);
    if (typeof nameArg === "string" || typeof nameArg === "number") {
      const segments = String(nameArg).split(".");
      if (segments.some((s) => FORBIDDEN_PATH_SEGMENTS.has(s))) return args.length > 1 ? this.operand(args[1]) : constant(null);
      if (args.length < 2) return path(segments, null, null);
      const dflt = this.operand(args[1]);
      return dflt.t === CONST ? path(segments, dflt.v, null) : path(segments, null, asNode(dflt));
    }
    const name = this.node(nameArg);
    const fallback = args.length > 1 ? this.node(args[1]) : void 0;
    const c = this.c;
    return computed((d) => {
      const n = name(d);
      if (n === void 0 || n === null || n === "") return d;
      if (typeof n === "object") chargeConversion(c, n);
      else if (typeof n === "string" && n.length > CHARS_PER_STEP) chargeText(c, n.length);
      const v = readPath(d, String(n).split("."));
      return v !== void 0 ? v : fallback ? fallback(d) : null;
    });
  }
  /**
   * Compiles the per-item logic of an iterating operator. Outside iterations
   * a rule runs each of its (by policy at most a few thousand) operations
   * once; inside, each item costs as many steps as the logic has operations,
   * charged against the budget before the item runs.
   */
  scoped(rule) {
    return { each: this.node(rule), weight: ruleWeight(rule) };
  }
  iterate(op, args) {
    const c = this.c;
    const source = this.operand(args[0]);
    const { each, weight } = this.scoped(args[1]);
    const pay = (list) => {
      c.steps += weight * list.length;
      if (c.steps > c.maxSteps) overSteps(c);
    };
    switch (op) {
      case "map":
        return (d) => {
          const list = ev(source, d);
          if (!Array.isArray(list)) return [];
          pay(list);
          countItems(c, list.length);
          return list.map((item) => each(item));
        };
      case "filter":
        return (d) => {
          const list = ev(source, d);
          if (!Array.isArray(list)) return [];
          pay(list);
          const out = list.filter((item) => yes(each(item)));
          countItems(c, out.length);
          return out;
        };
      case "all":
        return (d) => {
          const list = ev(source, d);
          if (!Array.isArray(list) || list.length === 0) return false;
          pay(list);
          for (let i = 0; i < list.length; i++) if (!yes(each(list[i]))) return false;
          return true;
        };
      case "none":
        return (d) => {
          const list = ev(source, d);
          if (!Array.isArray(list) || list.length === 0) return true;
          pay(list);
          for (let i = 0; i < list.length; i++) if (yes(each(list[i]))) return false;
          return true;
        };
      default:
        return (d) => {
          const list = ev(source, d);
          if (!Array.isArray(list) || list.length === 0) return false;
          pay(list);
          for (let i = 0; i < list.length; i++) if (yes(each(list[i]))) return true;
          return false;
        };
    }
  }
  reduce(args) {
    const c = this.c;
    const source = this.operand(args[0]);
    const { each, weight } = this.scoped(args[1]);
    const hasInitial = typeof args[2] !== "undefined";
    const initial2 = this.operand(args[2]);
    const reuse = !mayReturnItsData(args[1]);
    return (d) => {
      const list = ev(source, d);
      const start2 = hasInitial ? ev(initial2, d) : null;
      if (!Array.isArray(list)) return start2;
      c.steps += weight * list.length;
      if (c.steps > c.maxSteps) overSteps(c);
      let acc = start2;
      if (reuse) {
        const item = { current: void 0, accumulator: void 0 };
        for (let i = 0; i < list.length; i++) {
          item.current = list[i];
          item.accumulator = acc;
          acc = each(item);
        }
        return acc;
      }
      for (let i = 0; i < list.length; i++) acc = each({ current: list[i], accumulator: acc });
      return acc;
    };
  }
  missing(args) {
    const plainKey = (a2) => typeof a2 === "string" && a2 !== "" && !a2.split(".").some((s) => FORBIDDEN_PATH_SEGMENTS.has(s));
    if (args.length > 0 && args.every(plainKey)) {
      const keys = args;
      const paths = keys.map((k) => k.split("."));
      return (d) => {
        let out;
        for (let i = 0; i < paths.length; i++) {
          const v = getPath2(d, paths[i]);
          if (v === void 0 || v === null || v === "") (out ??= []).push(keys[i]);
        }
        return out ?? [];
      };
    }
    const parts = args.map((a2) => this.operand(a2));
    return (d) => {
      const values = parts.map((p) => ev(p, d));
      const keys = Array.isArray(values[0]) ? values[0] : values;
      return findMissing(d, keys, this.c);
    };
  }
};
function listOf(items) {
  return (d) => {
    const out = new Array(items.length);
    for (let i = 0; i < items.length; i++) out[i] = ev(items[i], d);
    return out;
  };
}
function findMissing(data, keys, c) {
  const missing = [];
  c.steps += keys.length;
  if (c.steps > c.maxSteps) overSteps(c);
  for (const key of keys) {
    if (isOperation(key) || Array.isArray(key) && key.some(isOperation)) {
      throw new LogicError("LOGIC_POLICY", "A key given to missing is itself a rule; CRM Flow does not run rules built from data.");
    }
    const name = Array.isArray(key) ? key[0] : key;
    if (name !== null && typeof name === "object") chargeConversion(c, name);
    else if (typeof name === "string" && name.length > CHARS_PER_STEP) chargeText(c, name.length);
    const text = name === null || name === void 0 ? "" : String(name);
    let v = name === null || name === void 0 || name === "" ? data : text.indexOf(".") === -1 ? readKey(data, text) : readPath(data, text.split("."));
    if (v === void 0 && Array.isArray(key) && key.length > 1) v = key[1];
    if (v === void 0 || v === null || v === "") missing.push(key);
  }
  return missing;
}
function readPath(data, segments) {
  for (const s of segments) if (FORBIDDEN_PATH_SEGMENTS.has(s)) return void 0;
  return getPath2(data, segments);
}
function readKey(data, k) {
  return FORBIDDEN_PATH_SEGMENTS.has(k) ? void 0 : get(data, k);
}

// src/engine/names.ts
function stepArg(flow, nodeId) {
  const node = flow.nodes.get(nodeId);
  return node ? { kind: "step", id: nodeId, name: node.name } : { kind: "step", id: nodeId };
}
function fieldArg(flow, path2) {
  const info = flow.pathInfo(path2);
  const field = info.ok ? info.field : void 0;
  const dot = path2.indexOf(".");
  if (field?.name && dot > 0) {
    const head2 = path2.slice(0, dot);
    const owner = flow.flow.data[head2]?.name ?? { en: head2 };
    return { kind: "field", path: path2, name: field.name, owner };
  }
  if (field?.name) return { kind: "field", path: path2, name: field.name };
  if (dot < 0 && flow.flow.data[path2]?.name) return { kind: "field", path: path2, name: flow.flow.data[path2].name };
  return { kind: "field", path: path2 };
}
function rolesArg(flow, roles, join = "or") {
  const names = {};
  for (const r of roles) {
    const named = flow?.catalog?.roles.find((x) => x.id === r)?.name;
    if (named) names[r] = named;
  }
  return { kind: "roles", ids: [...roles], names, join };
}
function actorArg(flow, actor2) {
  if (!actor2) return { kind: "actor", id: "system", system: true };
  const roleNames = {};
  for (const r of actor2.roles) {
    const named = flow?.catalog?.roles.find((x) => x.id === r)?.name;
    if (named) roleNames[r] = named;
  }
  return { kind: "actor", id: actor2.id, ...actor2.name ? { name: actor2.name } : {}, roles: [...actor2.roles], roleNames, ...actor2.system ? { system: true } : {} };
}
function flowArg(flow) {
  return { kind: "step", id: flow.id, name: flow.flow.name };
}

// src/engine/values.ts
var t = (key, args = {}) => ({ key, args });
var DATE = /^\d{4}-\d{2}-\d{2}$/;
function valueProblem(info, value) {
  if (value === null) return void 0;
  const field = info.field;
  switch (info.type) {
    case "unknown":
      return void 0;
    case "record":
      return isPlainObject(value) ? void 0 : t("value.record");
    case "list":
      if (!Array.isArray(value)) return t("value.list");
      if (info.itemFields) {
        for (const item of value) {
          const p = itemProblem(info.itemFields, item);
          if (p) return t("value.listWhose", { problem: { kind: "msg", ...p } });
        }
      }
      return void 0;
    default:
      return scalarProblem(info.type, value, field?.options);
  }
}
function itemProblem(itemFields, item) {
  if (!isPlainObject(item)) return t("value.item", { fields: fieldList(itemFields) });
  for (const key of Object.keys(item)) {
    if (!itemFields.some((f) => f.id === key)) return t("value.itemUnknown", { key, fields: fieldList(itemFields) });
  }
  for (const f of itemFields) {
    const p = valueProblem({ ok: true, type: f.type, field: f }, item[f.id] ?? null);
    if (p) return t("value.itemField", { item: { kind: "text", ...f.name }, problem: { kind: "msg", ...p } });
  }
  return void 0;
}
function fieldList(itemFields) {
  return { kind: "list", items: itemFields.map((f) => ({ kind: "text", ...f.name })) };
}
function scalarProblem(type, value, options) {
  switch (type) {
    case "string":
    case "text":
    case "reference":
    case "user":
      return typeof value === "string" ? void 0 : t("value.text");
    case "number":
    case "money":
    case "percent":
      return typeof value === "number" && Number.isFinite(value) ? void 0 : t("value.number");
    case "integer":
      return Number.isInteger(value) ? void 0 : t("value.integer");
    case "boolean":
      return typeof value === "boolean" ? void 0 : t("value.boolean");
    case "date":
      return typeof value === "string" && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? void 0 : t("value.date");
    case "datetime":
      return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? void 0 : t("value.datetime");
    case "enum":
      if (typeof value !== "string") return t("value.option");
      if (options && !options.some((o) => o.value === value)) return t("value.option", { options: { kind: "list", join: "or", items: options.map((o) => ({ kind: "text", en: `${o.name.en} (${o.value})`, zh: `${o.name.zh ?? o.name.en}\uFF08${o.value}\uFF09` })) } });
      return void 0;
    default:
      return void 0;
  }
}

// src/engine/constraints.ts
var DAY = 864e5;
var patterns = /* @__PURE__ */ new WeakMap();
var rules = /* @__PURE__ */ new WeakMap();
function isEntityField(f) {
  return typeof f === "object" && f !== null && "type" in f && "id" in f && !("entity" in f && f.type === "record");
}
function constraintViolations(flow, data, changes, now) {
  const out = [];
  for (const c of changes) {
    if (c.to === null || c.to === void 0) continue;
    const info = flow.pathInfo(c.path);
    if (!info.ok) continue;
    if (info.type === "record" && isPlainObject(c.to)) {
      const entityId = info.field?.entity;
      const entity = entityId ? flow.catalog?.entities.find((e) => e.id === entityId) : void 0;
      if (!entity) continue;
      for (const f of entity.fields) {
        const v = c.to[f.id];
        if (v !== null && v !== void 0) check(f, `${c.path}.${f.id}`, v, data, now, out, entity.fields);
      }
      continue;
    }
    if (isEntityField(info.field)) check(info.field, c.path, c.to, data, now, out, siblingsOf(flow, c.path));
  }
  return out;
}
function siblingsOf(flow, path2) {
  const dot = path2.lastIndexOf(".");
  if (dot < 0) return void 0;
  const owner = flow.pathInfo(path2.slice(0, dot));
  const entityId = owner.ok && owner.type === "record" ? owner.field?.entity : void 0;
  return entityId ? flow.catalog?.entities.find((e) => e.id === entityId)?.fields : void 0;
}
function check(field, path2, value, data, now, out, siblings) {
  const c = field.constraints;
  const add = (key, args = {}) => out.push({ path: path2, limit: { key, args }, value });
  if (typeof value === "number") {
    if (field.type === "money" && !c?.allowNegative && value < 0 && !(c?.min !== void 0 && c.min >= 0)) add("limit.notNegative");
    if (c?.min !== void 0 && value < c.min) add("limit.min", { min: c.min });
    if (c?.max !== void 0 && value > c.max) add("limit.max", { max: c.max });
  }
  if (!c) return;
  if (typeof value === "string") {
    const length = [...value].length;
    if (c.minLength !== void 0 && length < c.minLength) add("limit.minLength", { n: c.minLength });
    if (c.maxLength !== void 0 && length > c.maxLength) add("limit.maxLength", { n: c.maxLength });
    if (c.pattern !== void 0) {
      let re = patterns.get(c);
      if (!re) patterns.set(c, re = new RegExp(c.pattern, "u"));
      const m = re.exec(value);
      if (!m || m[0] !== value) add("limit.pattern", c.patternHint ? { hint: { kind: "text", ...c.patternHint } } : { pattern: c.pattern });
    }
    if (field.type === "date" || field.type === "datetime") {
      const day = value.slice(0, 10);
      const recordPath = path2.slice(0, path2.lastIndexOf("."));
      const before = c.notBefore ? boundDay(c.notBefore, data, recordPath, now, siblings) : void 0;
      const after = c.notAfter ? boundDay(c.notAfter, data, recordPath, now, siblings) : void 0;
      if (before && day < before.day) add("limit.notBefore", { bound: before.arg });
      if (after && day > after.day) add("limit.notAfter", { bound: after.arg });
    }
  }
  if (c.rule) {
    let rule = rules.get(c);
    if (!rule) rules.set(c, rule = compileRule(c.rule.holds));
    const recordPath = path2.includes(".") ? path2.slice(0, path2.lastIndexOf(".")) : path2;
    let holds;
    try {
      const v = rule({ value, record: getPath(data, recordPath) ?? null, data });
      holds = v === true || v !== false && !!v && !(Array.isArray(v) && v.length === 0);
    } catch {
      holds = false;
    }
    if (!holds) add("limit.rule", { message: { kind: "text", ...c.rule.message } });
  }
}
function boundDay(bound, data, recordPath, now, siblings) {
  if ("date" in bound) return { day: bound.date, arg: { kind: "value", value: bound.date, type: "date" } };
  if ("today" in bound) {
    const day2 = new Date(now + bound.today * DAY).toISOString().slice(0, 10);
    return { day: day2, arg: bound.today === 0 ? { kind: "msg", key: "limit.today" } : { kind: "msg", key: "limit.todayPlus", args: { days: bound.today } } };
  }
  const other = getPath(data, `${recordPath}.${bound.field}`);
  if (typeof other !== "string") return void 0;
  const base = Date.parse(other.slice(0, 10));
  if (Number.isNaN(base)) return void 0;
  const day = new Date(base + (bound.days ?? 0) * DAY).toISOString().slice(0, 10);
  const name = siblings?.find((f) => f.id === bound.field)?.name;
  return { day, arg: { kind: "field", path: `${recordPath}.${bound.field}`, ...name ? { name } : {} } };
}
function limitsError(flow, violations, where) {
  const problems = {
    kind: "list",
    join: "semi",
    items: violations.map((v) => ({ kind: "msg", key: "value.limitWas", args: { field: fieldArg(flow, v.path), limit: { kind: "msg", ...v.limit }, value: { kind: "value", value: v.value } } }))
  };
  return refusal("INVALID_VALUE", "INVALID_VALUE.limits", { problems }, { ...where, fields: violations.map((v) => v.path) });
}
function engineWriteProblems(flow, before, changes, now) {
  const items = [];
  for (const c of changes) {
    const info = flow.pathInfo(c.path);
    if (!info.ok) continue;
    const problem = valueProblem(info, c.to);
    if (problem) items.push({ kind: "msg", key: "value.mustBe", args: { field: fieldArg(flow, c.path), problem: { kind: "msg", ...problem } } });
  }
  if (items.length === 0) {
    for (const v of constraintViolations(flow, applyChanges(before, changes), changes, now)) {
      items.push({ kind: "msg", key: "value.limitWas", args: { field: fieldArg(flow, v.path), limit: { kind: "msg", ...v.limit }, value: { kind: "value", value: v.value } } });
    }
  }
  return items.length ? { kind: "list", join: "semi", items } : void 0;
}

// src/engine/access.ts
var RANK = { none: 0, view: 1, edit: 2 };
function fieldAccess(window, field, roles) {
  if (!window.fields.includes(field)) return "none";
  let best = "none";
  for (const role of roles) {
    const a2 = window.fieldAccess?.[field]?.[role] ?? window.access[role] ?? "none";
    if (RANK[a2] > RANK[best]) best = a2;
    if (best === "edit") break;
  }
  return best;
}
function bindTask(node, flow, catalog) {
  const window = node.window ? catalog?.windows.find((w) => w.id === node.window) : void 0;
  let variable;
  if (window) {
    variable = node.record ?? Object.entries(flow.data).find(([, v]) => v.type === "record" && v.entity === window.entity)?.[0];
  }
  const candidates = node.roles?.length ? [...node.roles] : window ? Object.entries(window.access).filter(([, a2]) => a2 === "edit").map(([r]) => r) : [];
  const required2 = [...window && variable ? (window.required ?? []).map((f) => `${variable}.${f}`) : [], ...node.required ?? []];
  const ownFields = node.fields ?? [];
  const memo2 = /* @__PURE__ */ new Map();
  const accessFor = (roles) => {
    const key = roles.length > 1 ? [...roles].sort().join("\0") : roles[0] ?? "";
    const hit = memo2.get(key);
    if (hit) return hit;
    const access = {};
    if (window && variable) {
      for (const f of window.fields) {
        const a2 = fieldAccess(window, f, roles);
        if (a2 !== "none") access[`${variable}.${f}`] = a2;
      }
    }
    for (const p of ownFields) access[p] = "edit";
    const visible = Object.keys(access);
    const result = { access, visible, editable: visible.filter((p) => access[p] === "edit") };
    memo2.set(key, result);
    return result;
  };
  const editorsOf = (path2) => {
    if (ownFields.includes(path2)) return candidates;
    if (!window || !variable || !path2.startsWith(`${variable}.`)) return [];
    const field = path2.slice(variable.length + 1).split(".")[0];
    const pool2 = candidates.length ? candidates : Object.keys(window.access);
    return pool2.filter((r) => fieldAccess(window, field, [r]) === "edit");
  };
  return { node, window, variable, candidates, required: required2, accessFor, editorsOf };
}
function actingRoles(binding, actor2) {
  if (binding.candidates.length === 0) return [...actor2.roles];
  return actor2.roles.filter((r) => binding.candidates.includes(r));
}
function pathAllowed(path2, allowed2) {
  for (const a2 of allowed2) if (path2 === a2 || path2.startsWith(`${a2}.`)) return true;
  return false;
}

// src/engine/start-access.ts
var memo = /* @__PURE__ */ new WeakMap();
function startEditable(flow, actor2) {
  const roles = actor2?.roles ?? [];
  const key = roles.length > 1 ? [...roles].sort().join("\0") : roles[0] ?? "";
  let byRoles = memo.get(flow);
  if (!byRoles) memo.set(flow, byRoles = /* @__PURE__ */ new Map());
  const hit = byRoles.get(key);
  if (hit) return hit;
  const paths = /* @__PURE__ */ new Set();
  for (const [name, v] of Object.entries(flow.flow.data)) if (v.type === "record") paths.add(`${name}.id`);
  const seen = /* @__PURE__ */ new Set([flow.start.id]);
  const pending = [flow.start.id];
  while (pending.length > 0) {
    const id = pending.pop();
    const outs = flow.out.get(id) ?? [];
    const fallback = flow.defaults.get(id);
    for (const e of fallback ? [...outs, fallback] : outs) {
      const target = e.edge.target;
      if (seen.has(target)) continue;
      seen.add(target);
      const node = flow.nodes.get(target);
      if (!node || node.kind === "end" || node.kind === "subflow") continue;
      if (node.kind === "task") {
        const binding = flow.tasks.get(target);
        if (!binding || !actor2) continue;
        const acting = actingRoles(binding, actor2);
        if (acting.length > 0 || binding.candidates.length === 0) for (const p of binding.accessFor(acting).editable) paths.add(p);
        continue;
      }
      pending.push(target);
    }
  }
  const out = [...paths];
  byRoles.set(key, out);
  return out;
}

// src/engine/controls.ts
var NONE2 = [];
function checkControls(run) {
  for (const c of run.flow.controls) {
    let holds;
    try {
      holds = truthy(c.when(run.state.data));
      const open = openControlIncident(run, c.control.id);
      if (open) run.emit({ type: "incident.resolved", incidentId: open.incidentId });
    } catch (e) {
      holds = c.control.kind === "gate";
      if (!openControlIncident(run, c.control.id)) {
        const control = { kind: "step", id: c.control.id, name: c.control.name };
        raiseIncident(run, "RULE_FAILED", { key: "incident.controlFailed", args: { control, why: whyArg(e), gate: c.control.kind === "gate" } }, void 0, void 0, c.control.id);
      }
    }
    if (holds === (run.state.controls[c.control.id] ?? false)) continue;
    run.emit({ type: "control.changed", controlId: c.control.id, holds });
    if (holds && c.control.kind === "alert") {
      run.emit({
        type: "alert.raised",
        alertId: `${run.state.instanceId}/a${run.nextSeq}`,
        source: { kind: "control", controlId: c.control.id },
        message: c.control.message,
        to: [...c.control.notify ?? []],
        severity: c.control.severity ?? "warning"
      });
    }
  }
}
function openControlIncident(run, controlId) {
  const list = run.state.incidents;
  for (let i = 0; i < list.length; i++) if (!list[i].resolved && list[i].controlId === controlId) return list[i];
  return void 0;
}
function closedGates(run, nodeId) {
  const gates = run.flow.gates.get(nodeId);
  if (!gates) return NONE2;
  return gates.filter((g) => run.state.controls[g.control.id] === true);
}
function recheckResting(run) {
  const tokens = run.state.tokens;
  let waiting;
  for (const id in tokens) if (tokens[id].waiting && tokens[id].waiting !== "task" && tokens[id].waiting !== "subflow") (waiting ??= []).push(id);
  if (!waiting) return;
  for (const id of waiting) {
    const current = run.state.tokens[id];
    if (!current) continue;
    const node = run.flow.nodes.get(current.nodeId);
    if (!node) continue;
    if (current.waiting === "wait" && node.kind === "wait") {
      const until = run.flow.rules.get(node.id)?.get("until");
      if (!until || !waitConditionHolds(run, node.id, until)) continue;
      run.emit({ type: "wait.ended", tokenId: current.id, nodeId: node.id, reason: "condition" });
      resolveStepRuleIncidents(run, node.id);
      leave(run, run.state.tokens[current.id], node);
    } else if (current.waiting === "gate") {
      if (closedGates(run, node.id).length === 0) run.queue.push(current.id);
    } else if (current.waiting === "incident") {
      const incident = run.state.incidents.find((i) => !i.resolved && i.tokenId === current.id);
      if (!incident) continue;
      if (incident.code === "STEP_FAILED") {
        run.emit({ type: "incident.resolved", incidentId: incident.incidentId });
        run.queue.push(current.id);
        continue;
      }
      if (incident.code !== "NO_PATH" && incident.code !== "RULE_FAILED") continue;
      const choice = pickEdge(run, node);
      if ("incident" in choice) continue;
      run.emit({ type: "incident.resolved", incidentId: incident.incidentId });
      leave(run, run.state.tokens[current.id], node);
    }
  }
}

// src/engine/record-ids.ts
function needsRecordId(value) {
  if (!isPlainObject(value) || hasValue(value.id)) return false;
  for (const key in value) if (key !== "id" && hasValue(value[key])) return true;
  return false;
}
function isRecord(variables, name) {
  return Object.prototype.hasOwnProperty.call(variables, name) && variables[name].type === "record";
}
function head(path2) {
  const dot = path2.indexOf(".");
  return dot < 0 ? path2 : path2.slice(0, dot);
}
function newRecordId(ctx, variables, name) {
  if (!ctx.newRecordId) return ctx.newInstanceId();
  const entity = variables[name]?.entity;
  return ctx.newRecordId(entity ? { variable: name, entity } : { variable: name });
}
function withStartIds(variables, data, ctx) {
  let out = data;
  for (const name of Object.keys(data)) {
    if (isRecord(variables, name) && needsRecordId(data[name])) out = setPath(out, `${name}.id`, newRecordId(ctx, variables, name));
  }
  return out;
}
function idFor(run, data, path2) {
  const name = head(path2);
  if (!isRecord(run.flow.flow.data, name) || !needsRecordId(data[name])) return void 0;
  return { path: `${name}.id`, value: newRecordId(run.ctx, run.flow.flow.data, name) };
}
function withRecordIds(run, changes) {
  const variables = run.flow.flow.data;
  let names;
  for (const c of changes) {
    const name = head(c.path);
    if (isRecord(variables, name) && !names?.includes(name)) (names ??= []).push(name);
  }
  if (!names) return changes;
  const after = applyChanges(run.state.data, changes);
  let out = changes;
  for (const name of names) {
    if (!needsRecordId(after[name])) continue;
    if (out === changes) out = changes.slice();
    const from = getPath(after, `${name}.id`);
    out.push({ path: `${name}.id`, from: from === void 0 ? null : from, to: newRecordId(run.ctx, variables, name) });
  }
  return out;
}

// src/engine/run.ts
var STEP_LIMIT = 1e4;
var Run = class {
  constructor(state, ctx, actor2, owned = false) {
    this.ctx = ctx;
    this.actor = actor2;
    this.state = owned ? state : ownedCopy(state);
    this.flow = ctx.flow;
  }
  ctx;
  actor;
  events = [];
  effects = [];
  /** Tokens to move on. */
  queue = [];
  /** Set when data changed since controls and waits were last checked. */
  dataChanged = false;
  /** Set when a token ended, so resting joins are checked again. */
  tokenEnded = false;
  steps = 0;
  /** The version the instance runs on (changes when it migrates). */
  flow;
  /** The working state: a draft this run owns (see `ownedCopy`), so events fold into it in place. */
  state;
  /** The `seq` the next event will get; ids minted from it are unique within the instance. */
  get nextSeq() {
    return this.state.seq + 1;
  }
  /** The instance's id. */
  get id() {
    return this.state.instanceId;
  }
  /** The command's time. */
  get now() {
    return this.ctx.now;
  }
  /**
   * Records and folds an event written out in full (instance, seq, time, actor
   * and every field in one literal). The hot paths use this: one allocation per
   * event and one shape per event type.
   */
  push(event) {
    this.events.push(event);
    this.state = applyInPlace(this.state, event);
    if (event.type === "data.changed") this.dataChanged = true;
    else if (event.type === "token.ended") this.tokenEnded = true;
  }
  /** The actor to record on an event the command's actor caused. */
  get by() {
    return this.actor;
  }
  /** Stamps, records and folds an event. `byActor` attributes it to the command's actor. */
  emit(body, byActor = false) {
    const event = body;
    event.instanceId = this.state.instanceId;
    event.seq = this.state.seq + 1;
    event.at = this.ctx.now;
    if (byActor && this.actor) event.actor = this.actor;
    this.events.push(event);
    this.state = applyInPlace(this.state, event);
    if (body.type === "data.changed") this.dataChanged = true;
    else if (body.type === "token.ended") this.tokenEnded = true;
  }
};

// src/engine/advance.ts
var HOUR = 36e5;
var MAX_HOURS = 87600;
function settle(run) {
  for (; ; ) {
    while (run.queue.length) step(run, run.queue.shift());
    if (run.dataChanged) {
      run.dataChanged = false;
      checkControls(run);
      recheckResting(run);
    } else if (run.tokenEnded) {
      run.tokenEnded = false;
      for (const t2 of Object.values(run.state.tokens)) if (run.flow.nodes.get(t2.nodeId)?.kind === "join") run.queue.push(t2.id);
    }
    if (!run.queue.length && !run.dataChanged && !run.tokenEnded) return;
  }
}
function moveTo(run, tokenId, edge) {
  run.push({ type: "token.moved", instanceId: run.id, seq: run.nextSeq, at: run.now, actor: void 0, tokenId, from: edge.source, to: edge.target, edgeId: edge.id });
  run.queue.push(tokenId);
}
function pickEdge(run, node) {
  const edges = run.flow.out.get(node.id) ?? [];
  for (const ce of edges) {
    if (!ce.guard) return ce;
    try {
      if (truthy(ce.guard(run.state.data))) return ce;
    } catch (e) {
      return { incident: "RULE_FAILED", text: { key: "incident.edgeRuleFailed", args: { step: stepArg(run.flow, node.id), why: whyArg(e) } } };
    }
  }
  const fallback = run.flow.defaults.get(node.id);
  if (fallback) return fallback;
  if (edges.length === 0) return { incident: "DEAD_END", text: { key: "incident.deadEnd", args: { step: stepArg(run.flow, node.id) } } };
  return { incident: "NO_PATH", text: { key: "incident.noPath", args: { step: stepArg(run.flow, node.id) } } };
}
function leave(run, token2, node) {
  const choice = pickEdge(run, node);
  if ("incident" in choice) return raiseIncident(run, choice.incident, choice.text, token2.id, node.id);
  if (node.kind === "decision") {
    run.push({ type: "decision.taken", instanceId: run.id, seq: run.nextSeq, at: run.now, actor: void 0, tokenId: token2.id, nodeId: node.id, edgeId: choice.edge.id, byDefault: choice.byDefault });
  }
  moveTo(run, token2.id, choice.edge);
}
function raiseIncident(run, code, text, tokenId, nodeId, controlId) {
  const message = formatEngineText(text, { locale: "en", timeZone: "UTC" });
  run.emit({ type: "incident.raised", incidentId: `${run.state.instanceId}/i${run.nextSeq}`, code, message, text, ...tokenId ? { tokenId } : {}, ...nodeId ? { nodeId } : {}, ...controlId ? { controlId } : {} });
}
function incidentText(key, args) {
  return { key, args };
}
function whyArg(e) {
  const detail = errorText(e);
  return { kind: "msg", key: e instanceof LogicError ? `logic.${e.code}` : "logic.error", args: { detail } };
}
function step(run, tokenId) {
  const token2 = run.state.tokens[tokenId];
  if (!token2 || token2.waiting && token2.waiting !== "gate") return;
  const node = run.flow.nodes.get(token2.nodeId);
  if (!node) return raiseIncident(run, "DEAD_END", incidentText("incident.unknownStep", { nodeId: token2.nodeId }), tokenId);
  if (++run.steps > STEP_LIMIT) {
    return raiseIncident(run, "LOOP_LIMIT", incidentText("incident.loopLimit", { limit: STEP_LIMIT, step: stepArg(run.flow, node.id) }), tokenId, node.id);
  }
  if (node.kind !== "task" && node.kind !== "join" && node.kind !== "start") {
    const closed = closedGates(run, node.id);
    if (closed.length) {
      if (token2.waiting !== "gate") run.emit({ type: "token.held", tokenId, nodeId: node.id, controlIds: closed.map((c) => c.control.id) });
      return;
    }
  }
  switch (node.kind) {
    case "start":
    case "decision":
      return leave(run, token2, node);
    case "task":
      return openTask(run, token2, node.id);
    case "parallel": {
      const edges = [...run.flow.out.get(node.id) ?? [], ...run.flow.defaults.has(node.id) ? [run.flow.defaults.get(node.id)] : []];
      if (edges.length === 0) return raiseIncident(run, "DEAD_END", incidentText("incident.noBranches", { step: stepArg(run.flow, node.id) }), tokenId, node.id);
      const seq = run.nextSeq;
      const branches = edges.map((ce, i) => ({ tokenId: `k${seq}.${i + 1}`, edgeId: ce.edge.id, to: ce.edge.target }));
      run.emit({ type: "token.split", tokenId, nodeId: node.id, familyId: `f${seq}`, branches });
      for (const b2 of branches) run.queue.push(b2.tokenId);
      return;
    }
    case "join":
      return tryJoin(run, token2, node);
    case "wait":
      return enterWait(run, token2, node);
    case "system":
      return runSystem(run, token2, node);
    case "subflow":
      return startChild(run, token2, node);
    case "end":
      return finishToken(run, token2, node);
  }
}
function openTask(run, token2, nodeId) {
  const binding = run.flow.tasks.get(nodeId);
  let dueAt;
  const sla = run.flow.rules.get(nodeId)?.get("sla");
  if (sla) {
    const hours = numberOrFailure(() => sla(run.state.data));
    if (typeof hours === "number" && hours >= 0) dueAt = run.ctx.now + Math.min(hours, MAX_HOURS) * HOUR;
    else if (hours && typeof hours === "object") {
      dueAt = run.ctx.now;
      raiseStepRuleIncident(run, nodeId, { key: "incident.slaFailed", args: { step: stepArg(run.flow, nodeId), why: whyArg(hours.error) } });
    }
  }
  const seq = run.nextSeq;
  run.push({ type: "task.opened", instanceId: run.id, seq, at: run.now, actor: void 0, taskId: `t${seq}`, tokenId: token2.id, nodeId, roles: binding.candidates, dueAt });
}
function tryJoin(run, token2, node) {
  const family = token2.familyId ? run.state.families[token2.familyId] : void 0;
  if (!family) return leave(run, token2, node);
  const ready = family.members.every((m) => run.state.tokens[m]?.nodeId === node.id);
  if (!ready) return;
  const tokenId = `k${run.nextSeq}`;
  run.emit({ type: "token.joined", nodeId: node.id, familyId: family.id, consumed: [...family.members], tokenId });
  leave(run, run.state.tokens[tokenId], node);
}
function enterWait(run, token2, node) {
  const rules2 = run.flow.rules.get(node.id);
  const until = rules2?.get("until");
  if (until && waitConditionHolds(run, node.id, until)) return leave(run, token2, node);
  let dueAt;
  const timer = rules2?.get("timer");
  if (timer) {
    const hours = numberOrFailure(() => timer(run.state.data));
    if (typeof hours === "number") dueAt = run.ctx.now + Math.min(Math.max(0, hours), MAX_HOURS) * HOUR;
    else if (hours && typeof hours === "object") raiseStepRuleIncident(run, node.id, { key: "incident.timerFailed", args: { step: stepArg(run.flow, node.id), why: whyArg(hours.error), until: !!until } });
  }
  if (!until && dueAt === void 0) {
    resolveStepRuleIncidents(run, node.id);
    return leave(run, token2, node);
  }
  run.emit({ type: "wait.started", tokenId: token2.id, nodeId: node.id, ...dueAt !== void 0 ? { dueAt } : {} });
}
function runSystem(run, token2, node) {
  const rules2 = run.flow.rules.get(node.id);
  let data = run.state.data;
  const entries = [];
  for (const [i, a2] of (node.assign ?? []).entries()) {
    try {
      const value = rules2.get(`assign:${i}`)(data);
      entries.push({ path: a2.target, value });
      data = setPath(data, a2.target, value);
      const id = idFor(run, data, a2.target);
      if (id) {
        entries.push(id);
        data = setPath(data, id.path, id.value);
      }
    } catch (e) {
      return raiseIncident(run, "STEP_FAILED", incidentText("incident.assignFailed", { step: stepArg(run.flow, node.id), target: fieldArg(run.flow, a2.target), why: whyArg(e) }), token2.id, node.id);
    }
  }
  const changes = diff(run.state.data, entries);
  const bad2 = changes.length ? engineWriteProblems(run.flow, run.state.data, changes, run.now) : void 0;
  if (bad2) return raiseIncident(run, "STEP_FAILED", incidentText("incident.assignInvalid", { step: stepArg(run.flow, node.id), problems: bad2 }), token2.id, node.id);
  if (changes.length) run.emit({ type: "data.changed", cause: "system", nodeId: node.id, changes });
  if (node.alert) {
    run.emit({
      type: "alert.raised",
      alertId: `${run.state.instanceId}/a${run.nextSeq}`,
      source: { kind: "system", nodeId: node.id },
      message: node.alert.message,
      to: [...node.alert.to],
      severity: node.alert.severity ?? "info"
    });
  }
  if (run.dataChanged) {
    run.dataChanged = false;
    checkControls(run);
    recheckResting(run);
  }
  leave(run, run.state.tokens[token2.id], node);
}
function startChild(run, token2, node) {
  const child = run.ctx.resolveFlow(node.flow, node.version);
  if (!child) {
    const args = { step: stepArg(run.flow, node.id), flowId: node.flow, ...node.version ? { version: node.version } : {} };
    return raiseIncident(run, "SUBFLOW_UNAVAILABLE", incidentText("incident.subflowUnavailable", args), token2.id, node.id);
  }
  const data = {};
  const rules2 = run.flow.rules.get(node.id);
  try {
    if (node.input) {
      for (const name of Object.keys(node.input)) data[name] = rules2.get(`in:${name}`)(run.state.data);
    } else {
      for (const name of Object.keys(child.flow.data)) if (run.state.data[name] !== void 0) data[name] = run.state.data[name];
    }
  } catch (e) {
    return raiseIncident(run, "STEP_FAILED", incidentText("incident.inputFailed", { step: stepArg(run.flow, node.id), why: whyArg(e) }), token2.id, node.id);
  }
  const childInstanceId = run.ctx.newInstanceId();
  run.emit({ type: "subflow.started", tokenId: token2.id, nodeId: node.id, childInstanceId, flowId: child.id, version: child.version });
  run.effects.push({
    kind: "start-child",
    instanceId: childInstanceId,
    flowId: child.id,
    version: child.version,
    data,
    parent: { instanceId: run.state.instanceId, nodeId: node.id, tokenId: token2.id },
    ...run.actor ? { actor: run.actor } : {}
  });
}
function finishToken(run, token2, node) {
  const before = run.flow.mandatoryBefore(node.id);
  const missing = before.length ? before.filter((n) => !run.state.completedBy[n]) : before;
  if (missing.length) {
    const names = { kind: "list", items: missing.map((n) => stepArg(run.flow, n)) };
    return raiseIncident(run, "MANDATORY_SKIPPED", incidentText("incident.mandatorySkipped", { step: stepArg(run.flow, node.id), missing: names }), token2.id, node.id);
  }
  run.push({ type: "token.ended", instanceId: run.id, seq: run.nextSeq, at: run.now, actor: void 0, tokenId: token2.id, nodeId: node.id, outcome: node.outcome });
  for (const _ in run.state.tokens) return;
  run.push({ type: "instance.completed", instanceId: run.id, seq: run.nextSeq, at: run.now, actor: void 0, nodeId: node.id, outcome: node.outcome });
  const parent = run.state.parent;
  if (parent) {
    run.effects.push({ kind: "child-completed", parent, childInstanceId: run.state.instanceId, ...node.outcome ? { outcome: node.outcome } : {}, data: run.state.data });
  }
}
function numberOrFailure(f) {
  try {
    const v = Number(f());
    return Number.isFinite(v) ? v : void 0;
  } catch (error) {
    return { error };
  }
}
function waitConditionHolds(run, nodeId, until) {
  try {
    const holds = truthy(until(run.state.data));
    resolveStepRuleIncidents(run, nodeId, "incident.waitRuleFailed");
    return holds;
  } catch (e) {
    raiseStepRuleIncident(run, nodeId, { key: "incident.waitRuleFailed", args: { step: stepArg(run.flow, nodeId), why: whyArg(e) } });
    return false;
  }
}
function raiseStepRuleIncident(run, nodeId, text) {
  if (run.state.incidents.some((i) => !i.resolved && i.nodeId === nodeId && !i.tokenId && !i.controlId && i.text?.key === text.key)) return;
  raiseIncident(run, "RULE_FAILED", text, void 0, nodeId);
}
function resolveStepRuleIncidents(run, nodeId, key) {
  const list = run.state.incidents;
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (!x.resolved && x.nodeId === nodeId && !x.tokenId && !x.controlId && (key === void 0 || x.text?.key === key)) run.emit({ type: "incident.resolved", incidentId: x.incidentId });
  }
}
function errorText(e) {
  return e instanceof LogicError || e instanceof Error ? e.message : String(e);
}

// src/engine/checks.ts
function checkWrites(flow, data, entries, scope) {
  const notEditable = [];
  const invalid = [];
  for (const { path: path2, value } of entries) {
    if (path2.length > MIN_LONG_PATH && pathTooLong(path2)) {
      const shown = path2.length > 60 ? `${path2.slice(0, 60)}\u2026` : path2;
      throw refusal("UNKNOWN_FIELD", "UNKNOWN_FIELD.pathTooLong", { path: shown, segments: MAX_PATH_SEGMENTS, chars: MAX_PATH_CHARS }, { ...whereOf(scope), fields: [shown] });
    }
    const info = flow.knownPath(path2) ?? (badSegment(path2) === void 0 ? flow.pathInfo(path2) : { ok: false, reason: `'${path2}' is not a data path` });
    if (!info.ok) {
      throw refusal("UNKNOWN_FIELD", "UNKNOWN_FIELD.path", { path: path2, reason: info.reason }, { ...whereOf(scope), fields: [path2] });
    }
    const inList2 = path2.includes(".") ? listPathProblem(flow, data, path2, scope) : void 0;
    if (inList2?.refusal) throw inList2.refusal;
    if (sameValue(getPath(data, path2), value)) continue;
    if (scope.editable !== "any" && !pathAllowed(path2, scope.editable)) notEditable.push(path2);
    const problem = inList2?.itemFields ? itemProblem(inList2.itemFields, value) : valueProblem(info, value);
    if (problem) invalid.push({ path: path2, problem });
  }
  if (notEditable.length) throw notEditableError(flow, notEditable, scope, whereOf(scope));
  if (invalid.length) {
    const problems = { kind: "list", items: invalid.map((i) => ({ kind: "msg", key: "value.mustBe", args: { field: fieldArg(flow, i.path), problem: { kind: "msg", ...i.problem } } })) };
    throw refusal("INVALID_VALUE", "INVALID_VALUE.type", { problems }, { ...whereOf(scope), fields: invalid.map((i) => i.path) });
  }
  return diff(data, entries);
}
var INDEX = /^(0|[1-9]\d{0,8})$/;
var MAX_PATH_SEGMENTS = 16;
var MAX_PATH_CHARS = 1e3;
var MIN_LONG_PATH = 2 * MAX_PATH_SEGMENTS;
function pathTooLong(path2) {
  if (path2.length > MAX_PATH_CHARS) return true;
  let dots = 0;
  for (let i = path2.indexOf("."); i !== -1; i = path2.indexOf(".", i + 1)) if (++dots >= MAX_PATH_SEGMENTS) return true;
  return false;
}
function listPathProblem(flow, data, path2, scope) {
  const segments = path2.split(".");
  let prefix = segments[0];
  for (let k = 1; k < segments.length; k++) {
    const seg = segments[k];
    const info = flow.pathInfo(prefix);
    if (info.ok && (info.type === "list" || info.type === "string" || info.type === "text")) {
      const where = { ...whereOf(scope), fields: [path2] };
      if (seg === "length") {
        const what = { kind: "text", en: info.type === "list" ? "number of items" : "length", zh: info.type === "list" ? "\u6761\u76EE\u6570" : "\u957F\u5EA6" };
        return { refusal: refusal("UNKNOWN_FIELD", "UNKNOWN_FIELD.computed", { field: fieldArg(flow, prefix), what }, where) };
      }
      if (info.type !== "list") return void 0;
      if (!INDEX.test(seg)) return { refusal: refusal("UNKNOWN_FIELD", "UNKNOWN_FIELD.listKey", { field: fieldArg(flow, prefix), key: seg, example: `${prefix}.0` }, where) };
      const list = getPath(data, prefix);
      const count2 = Array.isArray(list) ? list.length : 0;
      const index = Number(seg);
      if (index > count2) return { refusal: refusal("UNKNOWN_FIELD", "UNKNOWN_FIELD.listIndex", { field: fieldArg(flow, prefix), count: count2, last: Math.max(0, count2 - 1), index }, where) };
      if (k === segments.length - 1 && info.itemFields) return { itemFields: info.itemFields };
    }
    prefix = `${prefix}.${seg}`;
  }
  return void 0;
}
function whereOf(scope) {
  return { ...scope.instanceId ? { instanceId: scope.instanceId } : {}, ...scope.taskId ? { taskId: scope.taskId } : {}, ...scope.binding ? { nodeId: scope.binding.node.id } : {} };
}
function notEditableError(flow, paths, scope, where) {
  if (scope.start) {
    const fields2 = { kind: "list", items: paths.map((p) => fieldArg(flow, p)) };
    return refusal("FIELD_NOT_EDITABLE", "FIELD_NOT_EDITABLE.atStart", { fields: fields2, flow: flowArg(flow) }, { ...where, fields: paths });
  }
  const binding = scope.binding;
  const first = paths[0];
  if (paths.length === 1) {
    const editors = binding?.editorsOf(first) ?? [];
    if (editors.length && binding) {
      return refusal("FIELD_NOT_EDITABLE", "FIELD_NOT_EDITABLE.onlyIn", { roles: rolesArg(flow, editors), field: fieldArg(flow, first), step: stepArg(flow, binding.node.id) }, { ...where, fields: paths, roles: editors });
    }
    const elsewhere = editorsElsewhere(flow, first);
    if (elsewhere.roles.length) {
      return refusal(
        "FIELD_NOT_EDITABLE",
        "FIELD_NOT_EDITABLE.onlyElsewhere",
        { roles: rolesArg(flow, elsewhere.roles), field: fieldArg(flow, first), steps: { kind: "list", items: elsewhere.steps.map((id) => stepArg(flow, id)) } },
        { ...where, fields: paths, roles: elsewhere.roles }
      );
    }
    return refusal("FIELD_NOT_EDITABLE", "FIELD_NOT_EDITABLE.never", { field: fieldArg(flow, first), ...binding ? { step: stepArg(flow, binding.node.id) } : {} }, { ...where, fields: paths, roles: [] });
  }
  const fields = { kind: "list", items: paths.map((p) => fieldArg(flow, p)) };
  return refusal("FIELD_NOT_EDITABLE", "FIELD_NOT_EDITABLE.notYours", { fields, ...binding ? { step: stepArg(flow, binding.node.id) } : {} }, { ...where, fields: paths });
}
function editorsElsewhere(flow, path2) {
  const roles = /* @__PURE__ */ new Set();
  const steps = [];
  for (const b2 of flow.tasks.values()) {
    const editors = b2.editorsOf(path2);
    if (!editors.length) continue;
    editors.forEach((r) => roles.add(r));
    steps.push(b2.node.id);
  }
  return { roles: [...roles], steps };
}
function missingRequired(state, binding) {
  if (binding.required.length === 0) return binding.required;
  return binding.required.filter((p) => {
    const v = getPath(state.data, p);
    return v === void 0 || v === null || typeof v === "string" && v.trim() === "" || Array.isArray(v) && v.length === 0;
  });
}
function requiredError(flow, binding, missing, where) {
  const fields = { kind: "list", items: missing.map((p) => fieldArg(flow, p)) };
  return refusal("REQUIRED_MISSING", "REQUIRED_MISSING.step", { step: stepArg(flow, binding.node.id), fields }, { ...where, fields: missing });
}

// src/engine/lifecycle.ts
function tick(run) {
  const now = run.ctx.now;
  for (const task2 of Object.values(run.state.tasks)) {
    if (task2.status !== "open" || task2.dueAt === void 0 || task2.dueAt > now || task2.escalated) continue;
    const node = run.flow.nodes.get(task2.nodeId);
    const escalateTo = node?.kind === "task" ? node.sla?.escalateTo : void 0;
    run.emit({ type: "task.escalated", taskId: task2.taskId, nodeId: task2.nodeId, ...escalateTo ? { to: escalateTo } : {} });
    const text = { key: "alert.overdue", args: { step: stepArg(run.flow, task2.nodeId), dueAt: { kind: "time", at: task2.dueAt } } };
    run.emit({
      type: "alert.raised",
      alertId: `${run.state.instanceId}/a${run.nextSeq}`,
      source: { kind: "sla", nodeId: task2.nodeId, taskId: task2.taskId },
      // The stored languages read the time in UTC; `text` renders it in the reader's zone.
      message: { en: formatEngineText(text, { locale: "en", timeZone: "UTC" }), zh: formatEngineText(text, { locale: "zh", timeZone: "UTC" }) },
      text,
      to: escalateTo ? [escalateTo] : [...task2.roles],
      severity: "warning"
    });
  }
  for (const token2 of Object.values(run.state.tokens)) {
    if (token2.waiting !== "wait" || token2.dueAt === void 0 || token2.dueAt > now) continue;
    const node = run.flow.nodes.get(token2.nodeId);
    if (!node) continue;
    run.emit({ type: "wait.ended", tokenId: token2.id, nodeId: node.id, reason: "timer" });
    resolveStepRuleIncidents(run, node.id);
    leave(run, run.state.tokens[token2.id], node);
  }
}
function cancel(run, reason, actor2, byParent) {
  const state = run.state;
  if (!byParent) {
    if (!actor2) throw refusal("NOT_PERMITTED", "NOT_PERMITTED.cancelNoActor", {}, { instanceId: state.instanceId, roles: [...run.ctx.adminRoles] });
    const admin = actor2.roles.some((r) => run.ctx.adminRoles.includes(r));
    if (!admin && state.startedBy?.id !== actor2.id) {
      throw refusal("NOT_PERMITTED", "NOT_PERMITTED.cancel", {}, { instanceId: state.instanceId, roles: [...run.ctx.adminRoles] });
    }
  }
  for (const token2 of Object.values(state.tokens)) {
    if (token2.waiting === "subflow" && token2.childInstanceId) run.effects.push({ kind: "cancel-child", instanceId: token2.childInstanceId, reason: `The parent process was cancelled: ${reason}` });
  }
  run.emit({ type: "instance.cancelled", reason }, true);
  if (state.parent && !byParent) run.effects.push({ kind: "child-cancelled", parent: state.parent, childInstanceId: state.instanceId, reason });
}
function migrate(run, to, nodeMap, actor2) {
  const state = run.state;
  const from = run.flow;
  if (!actor2 || !actor2.roles.some((r) => run.ctx.adminRoles.includes(r))) {
    const args = { roles: rolesArg(from, run.ctx.adminRoles, "or"), what: { kind: "msg", key: "admin.migrate" } };
    const where = { instanceId: state.instanceId, roles: [...run.ctx.adminRoles] };
    throw actor2 ? refusal("NOT_PERMITTED", "NOT_PERMITTED.admin", { ...args, actor: actor2.name ?? actor2.id }, where) : refusal("NOT_PERMITTED", "NOT_PERMITTED.adminNoActor", args, where);
  }
  const problems = [];
  const problem = (key, args) => problems.push({ kind: "msg", key, args });
  if (to.id !== from.id) problem("migrate.otherFlow", { version: to.version, to: to.id, from: from.id });
  if (to.version === state.version) problem("migrate.sameVersion", { version: to.version });
  for (const [a2, b2] of Object.entries(nodeMap)) {
    if (!from.nodes.has(a2)) problem("migrate.unknownFrom", { nodeId: a2, version: from.version });
    if (!to.nodes.has(b2)) problem("migrate.unknownTo", { nodeId: b2, version: to.version });
  }
  const map = (id) => nodeMap[id] ?? id;
  const done = new Set(Object.keys(state.completedBy).map(map));
  const applied = {};
  for (const token2 of Object.values(state.tokens)) {
    const target = map(token2.nodeId);
    const oldNode = from.nodes.get(token2.nodeId);
    const newNode = to.nodes.get(target);
    if (!newNode) {
      problem("migrate.standsAt", { step: stepArg(from, token2.nodeId), version: to.version });
      continue;
    }
    if (oldNode && oldNode.kind !== newNode.kind) {
      problem("migrate.kind", { step: stepArg(from, token2.nodeId), from: { kind: "msg", key: `kind.${oldNode.kind}` }, target, version: to.version, to: { kind: "msg", key: `kind.${newNode.kind}` } });
    }
    const skipped = to.mandatoryBefore(target).filter((m) => !done.has(m));
    if (skipped.length) problem("migrate.skips", { step: stepArg(to, target), missing: { kind: "list", items: skipped.map((m) => stepArg(to, m)) } });
    if (target !== token2.nodeId) applied[token2.nodeId] = target;
  }
  if (problems.length) throw refusal("INVALID_MIGRATION", "INVALID_MIGRATION.problems", { problems: { kind: "list", items: problems, join: "lines" } }, { instanceId: state.instanceId });
  for (const [a2, b2] of Object.entries(nodeMap)) applied[a2] = b2;
  const taskRoles = {};
  for (const task2 of Object.values(state.tasks)) {
    if (task2.status !== "open") continue;
    const binding = to.tasks.get(map(task2.nodeId));
    if (binding) taskRoles[task2.taskId] = binding.candidates;
  }
  run.emit({ type: "instance.migrated", fromVersion: state.version, toVersion: to.version, nodeMap: applied, taskRoles }, true);
  run.flow = to;
  checkControls(run);
}
function childCompleted(run, tokenId, childInstanceId, outcome, childData) {
  const token2 = run.state.tokens[tokenId];
  if (!token2 || token2.childInstanceId !== childInstanceId || token2.waiting !== "subflow") return;
  const node = run.flow.nodes.get(token2.nodeId);
  if (!node || node.kind !== "subflow") return;
  const entries = [];
  try {
    if (node.output) {
      const scope = Object.prototype.hasOwnProperty.call(childData, "outcome") ? childData : { ...childData, outcome: outcome ?? null };
      const rules2 = run.flow.rules.get(node.id);
      for (const path2 of Object.keys(node.output)) entries.push({ path: path2, value: rules2.get(`out:${path2}`)(scope) });
    } else {
      for (const name of Object.keys(run.flow.flow.data)) if (childData[name] !== void 0) entries.push({ path: name, value: childData[name] });
    }
  } catch (e) {
    return raiseIncident(run, "RULE_FAILED", { key: "incident.outputFailed", args: { step: stepArg(run.flow, node.id), why: whyArg(e) } }, tokenId, node.id);
  }
  const changes = withRecordIds(run, diff(run.state.data, entries));
  const bad2 = changes.length ? engineWriteProblems(run.flow, run.state.data, changes, run.now) : void 0;
  if (bad2) return raiseIncident(run, "STEP_FAILED", { key: "incident.outputInvalid", args: { step: stepArg(run.flow, node.id), problems: bad2 } }, tokenId, node.id);
  if (changes.length) run.emit({ type: "data.changed", cause: "subflow", nodeId: node.id, changes });
  run.emit({ type: "subflow.completed", tokenId, nodeId: node.id, childInstanceId, ...outcome ? { outcome } : {} });
  leave(run, run.state.tokens[tokenId], node);
}
function childCancelled(run, tokenId, childInstanceId, reason) {
  const token2 = run.state.tokens[tokenId];
  if (!token2 || token2.childInstanceId !== childInstanceId || token2.waiting !== "subflow") return;
  raiseIncident(run, "SUBFLOW_CANCELLED", { key: "incident.subflowCancelled", args: { step: stepArg(run.flow, token2.nodeId), reason } }, tokenId, token2.nodeId);
}

// src/engine/decide.ts
var refs = /* @__PURE__ */ new WeakMap();
function actorRef(actor2) {
  const hit = refs.get(actor2);
  if (hit && hit.id === actor2.id && hit.name === actor2.name && hit.system === (actor2.system ? true : void 0) && sameRoles(hit.roles, actor2.roles)) return hit;
  const ref = { id: actor2.id, roles: [...actor2.roles], ...actor2.name ? { name: actor2.name } : {}, ...actor2.system ? { system: true } : {} };
  refs.set(actor2, ref);
  return ref;
}
function sameRoles(a2, b2) {
  if (a2.length !== b2.length) return false;
  for (let i = 0; i < a2.length; i++) if (a2[i] !== b2[i]) return false;
  return true;
}
function decide(state, command, ctx, actor2) {
  const ref = actor2 ? actorRef(actor2) : void 0;
  if (command.type === "start") return start(command, ctx, actor2, ref);
  if (!state) throw refusal("UNKNOWN_INSTANCE", "UNKNOWN_INSTANCE");
  if (state.status === "completed" || state.status === "cancelled") {
    if (command.type === "tick" || command.type === "child-completed" || command.type === "child-cancelled") return { state, events: [], effects: [] };
    throw refusal("INSTANCE_ENDED", `INSTANCE_ENDED.${state.status}`, {}, { instanceId: state.instanceId });
  }
  const run = new Run(state, ctx, ref);
  switch (command.type) {
    case "complete":
      complete(run, command.taskId, command.data, actor2);
      break;
    case "update":
      update(run, command.data, actor2);
      break;
    case "tick":
      tick(run);
      break;
    case "cancel":
      cancel(run, command.reason, actor2, command.byParent === true);
      break;
    case "migrate":
      migrate(run, command.to, command.nodeMap, actor2);
      break;
    case "child-completed":
      childCompleted(run, command.tokenId, command.childInstanceId, command.outcome, command.data);
      break;
    case "child-cancelled":
      childCancelled(run, command.tokenId, command.childInstanceId, command.reason);
      break;
  }
  settle(run);
  return { state: run.state, events: run.events, effects: run.effects };
}
function start(command, ctx, actor2, ref) {
  const flow = ctx.flow;
  const roles = flow.start.kind === "start" ? flow.start.roles : void 0;
  if (!command.parent && roles?.length && !actor2?.system && !actor2?.roles.some((r) => roles.includes(r))) {
    throw refusal("NOT_PERMITTED", "NOT_PERMITTED.start", { roles: rolesArg(flow, roles), flow: flowArg(flow) }, { roles: [...roles] });
  }
  const trusted = command.parent !== void 0 || actor2?.system === true;
  const hostChanges = command.hostData ? checkWrites(flow, {}, normalizePatch(command.hostData, flow.flow.data), { editable: "any" }) : [];
  const entries = normalizePatch(command.data, flow.flow.data);
  const changes = checkWrites(flow, {}, entries, trusted ? { editable: "any" } : { editable: startEditable(flow, actor2), start: true });
  let data = applyChanges({}, hostChanges.length ? [...hostChanges, ...changes] : changes);
  data = withStartIds(flow.flow.data, data, ctx);
  const startViolations = changes.length ? constraintViolations(flow, data, trusted ? [] : changes, ctx.now) : [];
  if (startViolations.length) throw limitsError(flow, startViolations, {});
  const first = { type: "instance.started", instanceId: command.instanceId, seq: 1, at: ctx.now, actor: ref, flowId: flow.id, version: flow.version, data, parent: command.parent };
  const run = new Run(applyInPlace(void 0, first), ctx, ref, true);
  run.events.push(first);
  checkControls(run);
  const tokenId = `k${run.nextSeq}`;
  run.push({ type: "token.moved", instanceId: run.id, seq: run.nextSeq, at: run.now, actor: void 0, tokenId, from: void 0, to: flow.start.id, edgeId: void 0 });
  run.queue.push(tokenId);
  settle(run);
  return { state: run.state, events: run.events, effects: run.effects };
}
function complete(run, taskId, patch, actor2) {
  const state = run.state;
  const flow = run.flow;
  const task2 = state.tasks[taskId];
  const where = { instanceId: state.instanceId, taskId };
  if (!task2 || task2.status !== "open") {
    if (task2?.status === "completed") {
      const by = task2.completedBy ? { by: task2.completedBy.name ?? task2.completedBy.id } : {};
      throw refusal("TASK_NOT_OPEN", "TASK_NOT_OPEN.done", { step: stepArg(flow, task2.nodeId), ...by }, { ...where, nodeId: task2.nodeId });
    }
    if (task2) throw refusal("TASK_NOT_OPEN", "TASK_NOT_OPEN.closed", { step: stepArg(flow, task2.nodeId) }, { ...where, nodeId: task2.nodeId });
    throw refusal("TASK_NOT_OPEN", "TASK_NOT_OPEN.unknown", { taskId }, where);
  }
  const binding = flow.tasks.get(task2.nodeId);
  if (!binding) throw refusal("TASK_NOT_OPEN", "TASK_NOT_OPEN.notInVersion", { nodeId: task2.nodeId }, { ...where, nodeId: task2.nodeId });
  const roles = mayDo(flow, binding, actor2, state, where);
  const entries = normalizePatch(patch, flow.flow.data);
  const changes = withRecordIds(run, checkWrites(flow, state.data, entries, { editable: binding.accessFor(roles).editable, binding, instanceId: state.instanceId, taskId }));
  const taskViolations = changes.length ? constraintViolations(flow, applyChanges(state.data, changes), changes, run.now) : [];
  if (taskViolations.length) throw limitsError(flow, taskViolations, where);
  if (changes.length) run.push({ type: "data.changed", instanceId: run.id, seq: run.nextSeq, at: run.now, actor: run.by, cause: "task", taskId, nodeId: task2.nodeId, changes });
  if (changes.length) checkControls(run);
  const closed = closedGates(run, task2.nodeId);
  if (closed.length) {
    const why = closed.map((g) => ({ kind: "text", ...g.control.message }));
    throw refusal(
      "GATE_CLOSED",
      "GATE_CLOSED.step",
      { step: stepArg(flow, task2.nodeId), why: { kind: "list", items: why } },
      { ...where, nodeId: task2.nodeId, controlIds: closed.map((g) => g.control.id) }
    );
  }
  const missing = missingRequired(run.state, binding);
  if (missing.length) throw requiredError(flow, binding, missing, { ...where, nodeId: task2.nodeId });
  run.push({ type: "task.completed", instanceId: run.id, seq: run.nextSeq, at: run.now, actor: run.by, taskId, nodeId: task2.nodeId });
  resolveStepRuleIncidents(run, task2.nodeId, "incident.slaFailed");
  const token2 = run.state.tokens[task2.tokenId];
  const node = flow.nodes.get(task2.nodeId);
  if (token2) leave(run, token2, node);
}
function mayDo(flow, binding, actor2, state, where) {
  const roles = actingRoles(binding, actor2);
  const nodeId = binding.node.id;
  if (binding.candidates.length && roles.length === 0) {
    const yours = actor2.roles.length ? { yours: rolesArg(flow, actor2.roles, "and") } : {};
    throw refusal("NOT_PERMITTED", "NOT_PERMITTED.task", { roles: rolesArg(flow, binding.candidates), step: stepArg(flow, nodeId), ...yours }, { ...where, nodeId, roles: binding.candidates });
  }
  for (const other of binding.node.notSameActorAs ?? []) {
    const by = state.completedBy[other];
    if (by && by.id === actor2.id) {
      throw refusal("SAME_ACTOR", "SAME_ACTOR.step", { step: stepArg(flow, nodeId), other: stepArg(flow, other), by: by.name ?? by.id }, { ...where, nodeId });
    }
  }
  return roles;
}
function update(run, patch, actor2) {
  const state = run.state;
  const flow = run.flow;
  const entries = normalizePatch(patch, flow.flow.data);
  let editable = "any";
  let binding;
  if (!actor2.system) {
    editable = [];
    const names = [];
    for (const task2 of Object.values(state.tasks)) {
      if (task2.status !== "open") continue;
      const b2 = flow.tasks.get(task2.nodeId);
      if (!b2) continue;
      try {
        editable.push(...b2.accessFor(mayDo(flow, b2, actor2, state, {})).editable);
        binding ??= b2;
        names.push(b2.node.id);
      } catch {
        continue;
      }
    }
    if (names.length === 0) {
      throw refusal("NOT_PERMITTED", "NOT_PERMITTED.update", {}, { instanceId: state.instanceId });
    }
    if (names.length > 1) binding = void 0;
  }
  const changes = withRecordIds(run, checkWrites(flow, state.data, entries, { editable, ...binding ? { binding } : {}, instanceId: state.instanceId }));
  const updateViolations = changes.length ? constraintViolations(flow, applyChanges(state.data, changes), changes, run.now) : [];
  if (updateViolations.length) throw limitsError(flow, updateViolations, { instanceId: state.instanceId });
  if (changes.length) run.emit({ type: "data.changed", cause: "update", changes }, true);
}

// src/schema/problems.ts
function toPointer(segments) {
  let out = "";
  for (const s of segments) out += "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1");
  return out;
}

// src/schema/zod-problems.ts
function problemsFromZod(issues, input, subjectOf, prefix = []) {
  const out = [];
  for (const issue2 of issues) {
    const path2 = [...prefix, ...issue2.path];
    const { subject, rest } = subjectOf(path2);
    const value = valueAt(input, path2);
    const prop = propertyName(rest);
    const at = prop ? `'${prop}'` : "the value";
    const push = (code, message, p = path2) => out.push({ code, path: toPointer(p), message });
    switch (issue2.code) {
      case "invalid_type":
        if (value === void 0) push("FLOW_E010", `${subject} is missing ${at}.`);
        else push("FLOW_E011", `${subject}: ${at} should be ${article(issue2.expected)} but is ${describeValue(value)}.`);
        break;
      case "unrecognized_keys":
        for (const key of issue2.keys) {
          const dangerous = key === "__proto__" || key === "constructor" || key === "prototype";
          push(dangerous ? "FLOW_E016" : "FLOW_E012", dangerous ? `${subject} has the reserved key '${key}', which is never allowed.` : `${subject} has a property '${key}' that is not part of the format${prop ? ` of ${at}` : ""}.`, [...path2, key]);
        }
        break;
      case "invalid_value":
        push("FLOW_E013", `${subject}: ${at} is ${describeValue(value)}; expected ${issue2.values.map((v) => JSON.stringify(v)).join(", ")}.`);
        break;
      case "invalid_format":
        push("FLOW_E013", `${subject}: ${at} is ${describeValue(value)}, but ${issue2.message.replace(/^Invalid string: /, "")}.`);
        break;
      case "too_big":
      case "too_small": {
        const limit = issue2.code === "too_big" ? `at most ${String(issue2.maximum)}` : `at least ${String(issue2.minimum)}`;
        if (issue2.origin === "string") push("FLOW_E014", `${subject}: ${at} is ${value.length} characters long; it must be ${limit}.`);
        else if (issue2.origin === "array" || issue2.origin === "set") push("FLOW_E014", `${subject}: ${at} has ${Array.isArray(value) ? value.length : "?"} items; it must have ${limit}.`);
        else push("FLOW_E013", `${subject}: ${at} is ${describeValue(value)}; it must be ${limit}.`);
        break;
      }
      case "invalid_key": {
        const key = String(issue2.path[issue2.path.length - 1] ?? "");
        const dangerous = key === "__proto__" || key === "constructor" || key === "prototype";
        push(dangerous ? "FLOW_E016" : "FLOW_E013", dangerous ? `${subject} uses the reserved key '${key}', which is never allowed.` : `${subject}: the key '${truncate(key)}' is not a valid name (${issue2.issues[0]?.message ?? "invalid"}).`);
        break;
      }
      case "invalid_union": {
        const fitting = issue2.errors.find((b2) => b2.length > 0 && b2.every((i) => i.path.length > 0 || i.code !== "invalid_type"));
        const kinds = issue2.errors.flatMap((b2) => b2.filter((i) => i.code === "invalid_type" && i.path.length === 0).map((i) => article(i.expected)));
        if (value === void 0 && prop) push("FLOW_E010", `${subject} is missing ${at}.`);
        else if (fitting) out.push(...problemsFromZod(fitting, input, subjectOf, path2));
        else if (kinds.length === issue2.errors.length) push("FLOW_E011", `${subject}: ${at} should be ${kinds.join(" or ")} but is ${describeValue(value)}.`);
        else push("FLOW_E013", `${subject}: ${at} is not valid: ${issue2.message}.`);
        break;
      }
      default:
        if (value === void 0 && prop) push("FLOW_E010", `${subject} is missing ${at}.`);
        else push("FLOW_E013", `${subject}: ${at} is not valid: ${issue2.message}.`);
    }
  }
  return out;
}
function valueAt(input, path2) {
  let cur = input;
  for (const seg of path2) {
    if (cur === null || typeof cur !== "object") return void 0;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return void 0;
    cur = cur[seg];
  }
  return cur;
}
function propertyName(rest) {
  let out = "";
  for (const seg of rest) out += typeof seg === "number" ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out;
}
var TYPE_WORDS = {
  string: "a text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: "an object",
  null: "null"
};
function article(expected) {
  return TYPE_WORDS[expected] ?? expected;
}
function describeValue(value) {
  if (value === void 0) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return value.length > 40 ? `a text of ${value.length} characters` : `"${value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "an object";
}
function truncate(s, n = 60) {
  return s.length > n ? `${s.slice(0, n - 1)}\u2026` : s;
}

// src/schema/collect.ts
var sourceIndex = /* @__PURE__ */ new WeakMap();
function indexInInput(parsed) {
  return sourceIndex.get(parsed);
}
function parseEach(list, at, schema, root, subjectOf, problems, precheck) {
  if (!Array.isArray(list)) return [];
  const out = [];
  list.forEach((item, i) => {
    const here = [...at, i];
    const pre = precheck?.(item, here);
    if (pre) {
      problems.push(pre);
      return;
    }
    const r = schema.safeParse(item);
    if (r.success) {
      if (typeof r.data === "object" && r.data !== null) sourceIndex.set(r.data, i);
      out.push(r.data);
    } else problems.push(...problemsFromZod(r.error.issues, root, subjectOf, here).map((p) => ({ ...p })));
  });
  return out;
}
function checkUniqueIds(list, at, what, problems) {
  if (!Array.isArray(list)) return;
  const seen = /* @__PURE__ */ new Map();
  list.forEach((item, i) => {
    const id = idOf(item);
    if (id === void 0) return;
    const first = seen.get(id);
    if (first === void 0) seen.set(id, i);
    else problems.push({ code: "FLOW_E020", path: toPointer([...at, i, "id"]), message: `${what} id '${id}' is used twice (also by ${what.toLowerCase()} #${first + 1}); ids must be unique.` });
  });
}
function idOf(item) {
  if (item === null || typeof item !== "object") return void 0;
  const id = item.id;
  return typeof id === "string" ? id : void 0;
}
function rawIds(list) {
  const ids = /* @__PURE__ */ new Set();
  if (Array.isArray(list)) for (const item of list) {
    const id = idOf(item);
    if (id !== void 0) ids.add(id);
  }
  return ids;
}
var FULL_SCAN_LIMIT = 200;
var MAX_CANDIDATES = 64;
var indexes = /* @__PURE__ */ new WeakMap();
function deletions(s) {
  const out = [s];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}
function deletionIndex(known) {
  let index = indexes.get(known);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const k of known) {
      for (const d of deletions(k.toLowerCase())) {
        const list = index.get(d);
        if (!list) index.set(d, [k]);
        else if (list.length < MAX_CANDIDATES && list[list.length - 1] !== k) list.push(k);
      }
    }
    indexes.set(known, index);
  }
  return index;
}
function suggest(name, known) {
  const best = nearest(name, known);
  return best !== void 0 ? ` Did you mean '${best}'?` : "";
}
function nearest(name, known) {
  const list = known instanceof Set || known instanceof Map || Array.isArray(known) ? known : [...known];
  const size = list instanceof Set || list instanceof Map ? list.size : list.length;
  let candidates = list;
  if (size > FULL_SCAN_LIMIT) {
    const index = deletionIndex(list);
    const found = /* @__PURE__ */ new Set();
    for (const d of deletions(name.toLowerCase())) {
      for (const k of index.get(d) ?? []) {
        found.add(k);
        if (found.size >= MAX_CANDIDATES) break;
      }
      if (found.size >= MAX_CANDIDATES) break;
    }
    candidates = found;
  }
  let best;
  let bestDistance = Infinity;
  for (const k of candidates) {
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best !== void 0 && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : void 0;
}
function distance(a2, b2) {
  if (Math.abs(a2.length - b2.length) > 3) return Infinity;
  const row = Array.from({ length: b2.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a2.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b2.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a2[i - 1] === b2[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b2.length];
}

// src/schema/data-paths.ts
function didYouMean(info) {
  return !info.ok && info.suggestion ? ` Did you mean '${info.suggestion}'?` : "";
}
function miss(reason, prefix, name, known) {
  const near = nearest(name, known);
  return near === void 0 ? { ok: false, reason } : { ok: false, reason, suggestion: prefix ? `${prefix}.${near}` : near };
}
function indexEntities(catalog) {
  return catalog ? new Map(catalog.entities.map((e) => [e.id, e])) : void 0;
}
var ID_FIELD = { id: "id", name: { en: "Id" }, type: "string" };
function resolveDataPath(path2, data, entities) {
  const segments = path2.split(".");
  const head2 = segments[0];
  if (!Object.prototype.hasOwnProperty.call(data, head2)) {
    const names = Object.keys(data);
    return miss(`'${head2}' is not a variable of the flow's data${names.length ? ` (it has ${names.slice(0, 12).join(", ")}${names.length > 12 ? ", \u2026" : ""})` : " (it has none)"}`, void 0, head2, names);
  }
  const variable = data[head2];
  if (variable.type === "record") {
    if (segments.length === 1) return { ok: true, type: "record", field: variable };
    const entity = variable.entity ? entities?.get(variable.entity) : void 0;
    if (!entity) return { ok: true, type: "unknown" };
    return resolveInFields(segments.slice(1), entity.fields, `${head2}`, entity.id);
  }
  return resolveFrom(variable.type, variable, variable.itemFields, segments.slice(1), head2);
}
function resolveItemPath(path2, itemFields, listPath2) {
  if (path2 === "") return { ok: true, type: "unknown" };
  const segments = path2.split(".");
  const field = itemFields.find((f) => f.id === segments[0]);
  if (!field) return miss(`the items of '${listPath2}' have no field '${segments[0]}' (they have ${itemFields.map((f) => f.id).join(", ")})`, void 0, segments[0], itemFields.map((f) => f.id));
  if (segments.length > 1) return { ok: false, reason: `'${listPath2}' item field '${field.id}' is ${field.type}; it has no '${segments.slice(1).join(".")}'` };
  return { ok: true, type: field.type, field };
}
function resolveInFields(rest, fields, prefix, entityId) {
  const name = rest[0];
  const field = name === "id" ? fields.find((f) => f.id === "id") ?? ID_FIELD : fields.find((f) => f.id === name);
  if (!field) return miss(`'${prefix}' is a ${entityId} record, and ${entityId} has no field '${name}'`, prefix, name, fields.map((f) => f.id));
  return resolveFrom(field.type, field, field.itemFields, rest.slice(1), `${prefix}.${name}`);
}
function resolveFrom(type, field, itemFields, rest, prefix) {
  if (rest.length === 0) return itemFields ? { ok: true, type, field, itemFields } : { ok: true, type, field };
  if (type === "list") {
    if (rest[0] === "length" && rest.length === 1) return { ok: true, type: "integer" };
    if (!/^\d+$/.test(rest[0])) return { ok: false, reason: `'${prefix}' is a list; read its items with some/all/map, or by number (${prefix}.0)` };
    if (rest.length === 1) return { ok: true, type: "unknown" };
    if (!itemFields) return { ok: true, type: "unknown" };
    return resolveItemPath(rest.slice(1).join("."), itemFields, prefix);
  }
  if ((type === "string" || type === "text") && rest.length === 1 && rest[0] === "length") return { ok: true, type: "integer" };
  return { ok: false, reason: `'${prefix}' is ${type === "enum" || type === "integer" ? "an" : "a"} ${type}; it has no '${rest.join(".")}'` };
}

// src/logic/policy.ts
var DEFAULT_RULE_LIMITS = { maxDepth: 32, maxNodes: 2e3, maxStringLength: 1e4 };
function checkRule(rule, limits = {}) {
  const lim = { ...DEFAULT_RULE_LIMITS, ...limits };
  const issues = [];
  let nodes = 0;
  let sizeReported = false;
  let depthReported = false;
  const visit = (value, path2, depth) => {
    nodes++;
    if (nodes > lim.maxNodes) {
      if (!sizeReported) {
        sizeReported = true;
        issues.push({ code: "FLOW_E033", path: "", message: `The rule has more than ${lim.maxNodes} parts; split it or simplify it.` });
      }
      return;
    }
    if (depth > lim.maxDepth) {
      if (!depthReported) {
        depthReported = true;
        issues.push({ code: "FLOW_E032", path: path2, message: `The rule is nested more than ${lim.maxDepth} levels deep.` });
      }
      return;
    }
    if (typeof value === "string") {
      if (value.length > lim.maxStringLength) {
        issues.push({ code: "FLOW_E033", path: path2, message: `A text in the rule is ${value.length} characters long; at most ${lim.maxStringLength} are allowed.` });
      }
      return;
    }
    if (typeof value === "number") {
      if (!Number.isFinite(value)) issues.push({ code: "FLOW_E034", path: path2, message: "A number in the rule is not finite." });
      return;
    }
    if (value === null || typeof value === "boolean") return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && !sizeReported; i++) visit(value[i], `${path2}/${i}`, depth + 1);
      return;
    }
    if (typeof value !== "object") {
      issues.push({ code: "FLOW_E034", path: path2, message: `A rule may hold only JSON values, not ${typeof value}.` });
      return;
    }
    const keys = Object.keys(value);
    if (keys.length !== 1) {
      issues.push({
        code: "FLOW_E034",
        path: path2,
        message: keys.length === 0 ? 'An empty object is not an operation; write an operation such as {"==": [a, b]}.' : `An operation has exactly one operator, but this object has ${keys.length}: ${keys.slice(0, 5).map((k) => `'${k}'`).join(", ")}. Combine them with "and" or "or".`
      });
      return;
    }
    const op = keys[0];
    const opPath = `${path2}/${escape(op)}`;
    if (Object.prototype.hasOwnProperty.call(FORBIDDEN_OPERATORS, op)) {
      issues.push({ code: "FLOW_E030", path: path2, message: `Operator '${op}' is not allowed: ${FORBIDDEN_OPERATORS[op]}.` });
      return;
    }
    if (!isAllowedOperator(op)) {
      issues.push({ code: "FLOW_E035", path: path2, message: `'${truncate2(op)}' is not a JsonLogic operator CRM Flow knows.` });
      return;
    }
    const args = value[op];
    if (op === "var") checkVarArgument(args, opPath, issues);
    if (op === "missing" || op === "missing_some") checkMissingArguments(op, args, opPath, issues);
    visit(args, opPath, depth + 1);
  };
  visit(rule, "", 0);
  return issues;
}
function checkVarArgument(args, path2, issues) {
  const name = Array.isArray(args) ? args[0] : args;
  const namePath = Array.isArray(args) ? `${path2}/0` : path2;
  if (typeof name === "string") checkPath(name, namePath, issues);
}
function checkMissingArguments(op, args, path2, issues) {
  const list = op === "missing_some" ? Array.isArray(args) ? args[1] : void 0 : args;
  const base = op === "missing_some" ? `${path2}/1` : path2;
  const names = Array.isArray(list) ? list : [list];
  names.forEach((n, i) => {
    if (typeof n === "string") checkPath(n, Array.isArray(list) ? `${base}/${i}` : base, issues);
  });
}
function checkPath(name, path2, issues) {
  const bad2 = name.split(".").find((s) => FORBIDDEN_PATH_SEGMENTS.has(s));
  if (bad2) issues.push({ code: "FLOW_E031", path: path2, message: `The path '${truncate2(name)}' reads '${bad2}', which is JavaScript internals, not data.` });
}
function escape(segment) {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function truncate2(s) {
  return s.length > 60 ? `${s.slice(0, 57)}\u2026` : s;
}

// src/logic/evaluate.ts
var cache = /* @__PURE__ */ new WeakMap();
function prepareRule(rule, options = {}) {
  const cacheable = typeof rule === "object" && rule !== null && !options.budget && !options.limits;
  if (cacheable) {
    const hit = cache.get(rule);
    if (hit) return hit;
  }
  const issues = checkRule(rule, options.limits);
  if (issues.length > 0) {
    throw new LogicError("LOGIC_POLICY", issues.map((i) => i.path ? `at ${i.path}: ${i.message}` : i.message).join("\n"));
  }
  const compiled = compileRule(rule, options.budget);
  if (cacheable) cache.set(rule, compiled);
  return compiled;
}

// src/engine/dominators.ts
function mandatoryDominators(flow, startId, mandatory) {
  const succ = /* @__PURE__ */ new Map();
  const pred = /* @__PURE__ */ new Map();
  for (const n of flow.nodes) {
    succ.set(n.id, []);
    pred.set(n.id, []);
  }
  for (const e of flow.edges) {
    succ.get(e.source)?.push(e.target);
    pred.get(e.target)?.push(e.source);
  }
  const order = [];
  const seen = /* @__PURE__ */ new Set([startId]);
  const stack = [{ id: startId, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    const next = succ.get(top.id)[top.i++];
    if (next === void 0) {
      order.push(top.id);
      stack.pop();
    } else if (!seen.has(next)) {
      seen.add(next);
      stack.push({ id: next, i: 0 });
    }
  }
  order.reverse();
  const index = new Map(order.map((id, i) => [id, i]));
  const idom = new Array(order.length).fill(-1);
  idom[0] = 0;
  const intersect = (a2, b2) => {
    while (a2 !== b2) {
      while (a2 > b2) a2 = idom[a2];
      while (b2 > a2) b2 = idom[b2];
    }
    return a2;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 1; i < order.length; i++) {
      let best = -1;
      for (const p of pred.get(order[i])) {
        const pi = index.get(p);
        if (pi === void 0 || idom[pi] === -1) continue;
        best = best === -1 ? pi : intersect(pi, best);
      }
      if (best !== -1 && idom[i] !== best) {
        idom[i] = best;
        changed = true;
      }
    }
  }
  const result = /* @__PURE__ */ new Map();
  for (let i = 0; i < order.length; i++) {
    const chain = [];
    for (let d = idom[i]; ; d = idom[d]) {
      if (d === i) break;
      if (mandatory.has(order[d])) chain.push(order[d]);
      if (d === 0) break;
    }
    result.set(order[i], chain.reverse());
  }
  return result;
}

// src/engine/compiled.ts
var cache2 = /* @__PURE__ */ new WeakMap();
var NONE3 = [];
var NO_CATALOG = {};
var MAX_MEMO_PATHS = 1e4;
function compileFlow(flow, catalog) {
  let byCatalog = cache2.get(flow);
  if (!byCatalog) cache2.set(flow, byCatalog = /* @__PURE__ */ new WeakMap());
  const key = catalog ?? NO_CATALOG;
  const hit = byCatalog.get(key);
  if (hit) return hit;
  const compiled = build(flow, catalog);
  byCatalog.set(key, compiled);
  return compiled;
}
function build(flow, catalog) {
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  const start2 = flow.nodes.find((n) => n.kind === "start");
  if (!start2) throw new Error(`Flow '${flow.id}' has no start node.`);
  const out = /* @__PURE__ */ new Map();
  const defaults = /* @__PURE__ */ new Map();
  for (const n of flow.nodes) out.set(n.id, []);
  for (const edge of flow.edges) {
    const ce = edge.guard === void 0 ? { edge, byDefault: edge.default === true } : { edge, guard: prepareRule(edge.guard), byDefault: edge.default === true };
    if (edge.default) defaults.set(edge.source, ce);
    else out.get(edge.source)?.push(ce);
  }
  const controls = (flow.controls ?? []).map((control) => ({ control, when: prepareRule(control.when) }));
  const gates = /* @__PURE__ */ new Map();
  for (const c of controls) {
    if (c.control.kind !== "gate") continue;
    for (const nodeId of c.control.blocks ?? []) gates.set(nodeId, [...gates.get(nodeId) ?? [], c]);
  }
  const tasks = /* @__PURE__ */ new Map();
  const rules2 = /* @__PURE__ */ new Map();
  for (const n of flow.nodes) {
    const r = /* @__PURE__ */ new Map();
    if (n.kind === "task") {
      tasks.set(n.id, bindTask(n, flow, catalog));
      if (n.sla) r.set("sla", prepareRule(n.sla.hours));
    } else if (n.kind === "wait") {
      if (n.until !== void 0) r.set("until", prepareRule(n.until));
      if (n.timer) r.set("timer", prepareRule(n.timer.hours));
    } else if (n.kind === "system") {
      (n.assign ?? []).forEach((a2, i) => r.set(`assign:${i}`, prepareRule(a2.value)));
    } else if (n.kind === "subflow") {
      for (const [k, v] of Object.entries(n.input ?? {})) r.set(`in:${k}`, prepareRule(v));
      for (const [k, v] of Object.entries(n.output ?? {})) r.set(`out:${k}`, prepareRule(v));
    }
    if (r.size) rules2.set(n.id, r);
  }
  const entities = indexEntities(catalog);
  const paths = /* @__PURE__ */ new Map();
  let dominators;
  const mandatory = new Set(flow.nodes.filter((n) => n.kind === "task" && n.mandatory === true).map((n) => n.id));
  return {
    flow,
    id: flow.id,
    version: flow.version,
    start: start2,
    nodes,
    out,
    defaults,
    controls,
    gates,
    tasks,
    rules: rules2,
    catalog,
    subflows: flow.nodes.some((n) => n.kind === "subflow"),
    mandatoryBefore(nodeId) {
      if (mandatory.size === 0) return NONE3;
      dominators ??= mandatoryDominators(flow, start2.id, mandatory);
      return dominators.get(nodeId) ?? NONE3;
    },
    knownPath: (path2) => paths.get(path2),
    pathInfo(path2) {
      let info = paths.get(path2);
      if (info) return info;
      info = resolveDataPath(path2, flow.data, entities);
      if (paths.size < MAX_MEMO_PATHS) paths.set(path2, info);
      return info;
    }
  };
}

// src/engine/definitions.ts
function definitionStore(store2, catalog, clock, parseFlow2, deployCheck) {
  const compiled = /* @__PURE__ */ new Map();
  const byVersion = /* @__PURE__ */ new Map();
  const latest = /* @__PURE__ */ new Map();
  const targets = /* @__PURE__ */ new WeakMap();
  const key = (flowId, version2) => `${flowId}@${version2}`;
  const compile2 = (flow) => {
    const hit = byVersion.get(flow.id)?.get(flow.version);
    if (hit) return hit;
    const k = key(flow.id, flow.version);
    let c = compiled.get(k);
    if (!c) {
      try {
        c = compileFlow(flow, catalog);
      } catch (e) {
        throw refusal("INVALID_FLOW", "INVALID_FLOW.compile", { flowId: flow.id, version: flow.version, why: e instanceof Error ? e.message : String(e) });
      }
      compiled.set(k, c);
      let versions = byVersion.get(flow.id);
      if (!versions) byVersion.set(flow.id, versions = /* @__PURE__ */ new Map());
      versions.set(flow.version, c);
    }
    return c;
  };
  async function get2(flowId, version2) {
    if (version2 !== void 0) {
      const hit = compiled.get(key(flowId, version2));
      if (hit) return hit;
    }
    let stored = await store2.getDefinition(version2 === void 0 ? { flowId } : { flowId, version: version2 });
    if (!stored) {
      throw version2 === void 0 ? refusal("UNKNOWN_FLOW", "UNKNOWN_FLOW.flow", { flowId }) : refusal("UNKNOWN_FLOW", "UNKNOWN_FLOW.version", { flowId, version: version2 });
    }
    if (version2 === void 0 && stored.retired) {
      const active = (await store2.definitions({ flowId })).filter((d) => !d.retired);
      const newest = active[active.length - 1];
      if (!newest) throw refusal("FLOW_RETIRED", "FLOW_RETIRED.all", { flowId });
      stored = newest;
    }
    const c = compile2(stored.flow);
    if (version2 === void 0) latest.set(flowId, c);
    return c;
  }
  async function startable(flowId, version2) {
    if (version2 !== void 0) {
      const stored = await store2.getDefinition({ flowId, version: version2 });
      if (stored?.retired) {
        const r = stored.retired;
        throw refusal("FLOW_RETIRED", "FLOW_RETIRED.version", { flowId, version: version2, by: r.by.name ?? r.by.id, at: { kind: "time", at: r.at }, reason: r.reason });
      }
    }
    return get2(flowId, version2);
  }
  async function retire(flowId, version2, retired) {
    const after = await store2.retireDefinition({ flowId, version: version2, retired });
    if (!after) throw refusal("UNKNOWN_FLOW", "UNKNOWN_FLOW.version", { flowId, version: version2 });
    latest.delete(flowId);
    return info(after);
  }
  async function preload(flow, seen = /* @__PURE__ */ new Set()) {
    if (seen.has(flow)) return;
    seen.add(flow);
    let list2 = targets.get(flow);
    if (!list2) {
      list2 = [];
      for (const n of flow.flow.nodes) if (n.kind === "subflow") list2.push(n.version === void 0 ? { flowId: n.flow } : { flowId: n.flow, version: n.version });
      targets.set(flow, list2);
    }
    for (const t2 of list2) {
      try {
        await preload(await get2(t2.flowId, t2.version), seen);
      } catch (e) {
        if (!isEngineError(e, "UNKNOWN_FLOW")) throw e;
      }
    }
  }
  async function deploy(input) {
    const parsed = parseFlow2(input, catalog);
    if (!parsed.ok) throw invalidFlowError(parsed.problems);
    const flow = deepFreeze(structuredClone(parsed.value));
    let accepted = [];
    if (deployCheck) {
      const deployed = /* @__PURE__ */ new Map();
      for (const n of flow.nodes) {
        if (n.kind !== "subflow" || deployed.has(n.flow)) continue;
        const defs = await store2.definitions({ flowId: n.flow });
        deployed.set(n.flow, defs.filter((d) => !d.retired).map((d) => d.flow));
      }
      const all = deployCheck(flow, { catalog, deployed });
      const acceptedRules = new Set(flow.deployOverride?.rules ?? []);
      const findings = all.filter((f) => !acceptedRules.has(f.rule));
      accepted = all.filter((f) => acceptedRules.has(f.rule));
      if (findings.length > 0) {
        const list2 = { kind: "list", join: "lines", items: findings.map((f) => ({ kind: "text", ...f.message })) };
        throw refusal("UNSAFE_FLOW", "UNSAFE_FLOW.findings", { flowId: flow.id, version: flow.version, count: findings.length, findings: list2 }, { findings });
      }
    }
    compiled.delete(key(flow.id, flow.version));
    byVersion.get(flow.id)?.delete(flow.version);
    const existing = await store2.getDefinition({ flowId: flow.id, version: flow.version });
    const same = (other) => canonical(other) === canonical(flow);
    if (existing) {
      if (same(existing.flow)) return { flowId: flow.id, version: flow.version, created: false };
      throw versionExists(flow);
    }
    compile2(flow);
    const res2 = await store2.putDefinition({ definition: { flowId: flow.id, version: flow.version, flow, deployedAt: clock.now() } });
    if (!res2.created) {
      if (same(res2.existing.flow)) return { flowId: flow.id, version: flow.version, created: false };
      throw versionExists(flow);
    }
    return { flowId: flow.id, version: flow.version, created: true, ...accepted.length ? { accepted } : {} };
  }
  async function list(flowId) {
    const all = await store2.definitions(flowId === void 0 ? {} : { flowId });
    return all.map(info);
  }
  function info(d) {
    return {
      flowId: d.flowId,
      version: d.version,
      name: d.flow.name,
      deployedAt: d.deployedAt,
      ...d.flow.deployOverride ? { deployOverride: d.flow.deployOverride } : {},
      ...d.retired ? { retired: d.retired } : {}
    };
  }
  return {
    deploy,
    list,
    get: get2,
    startable,
    retire,
    peek: (flowId, version2) => byVersion.get(flowId)?.get(version2),
    preload: (flow) => preload(flow),
    resolveSync: (flowId, version2) => version2 === void 0 ? latest.get(flowId) : compiled.get(key(flowId, version2))
  };
}
function versionExists(flow) {
  return refusal("VERSION_EXISTS", "VERSION_EXISTS.version", { flowId: flow.id, version: flow.version });
}
function canonical(v) {
  return JSON.stringify(
    v,
    (_k, value) => value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a2], [b2]) => a2 < b2 ? -1 : a2 > b2 ? 1 : 0)) : value
  );
}
function deepFreeze(v) {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
function invalidFlowError(problems) {
  const shown = {
    kind: "list",
    join: "lines",
    items: problems.slice(0, 5).map((p) => ({ kind: "msg", key: `problem.${p.code}`, args: { path: p.path, message: p.message } }))
  };
  const more = problems.length > 5 ? { more: problems.length - 5 } : {};
  return refusal("INVALID_FLOW", "INVALID_FLOW.problems", { problems: shown, ...more }, { problems: [...problems] });
}

// ../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/util.js
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
var Cached = class {
  constructor(getter) {
    this._getter = getter;
    this._value = void 0;
  }
  get value() {
    const getter = this._getter;
    if (getter !== void 0) {
      this._value = getter();
      this._getter = void 0;
    }
    return this._value;
  }
};
function cached(getter) {
  return new Cached(getter);
}
function nullish(input) {
  return input === null || input === void 0;
}
function cleanRegex(source) {
  const start2 = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start2, end);
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
function rawShape(def) {
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  return desc?.get ? desc.get.raw : desc?.value;
}
function sourceShape(schema) {
  return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
function deferProp(target, key, getter) {
  Object.defineProperty(target, key, {
    get() {
      const value = getter();
      assignProp(this, key, value);
      return value;
    },
    enumerable: true,
    configurable: true
  });
}
function putProp(target, key, value) {
  if (key in target)
    assignProp(target, key, value);
  else
    target[key] = value;
}
function mirrorShape(target, source, keys, wrap) {
  const raw = sourceShape(source);
  for (const key of keys) {
    const desc = Object.getOwnPropertyDescriptor(raw, key);
    if (!desc.enumerable)
      continue;
    if (desc.get) {
      deferProp(target, key, () => {
        const value = source._zod.def.shape[key];
        return wrap ? wrap(value, key) : value;
      });
    } else
      putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
  }
}
function mirrorProps(target, source) {
  for (const key of Reflect.ownKeys(source)) {
    const desc = Object.getOwnPropertyDescriptor(source, key);
    if (!desc.enumerable)
      continue;
    if (desc.get)
      deferProp(target, key, () => source[key]);
    else
      putProp(target, key, desc.value);
  }
}
function mergeDefs(...defs) {
  const mergedDescriptors = {};
  for (const def of defs) {
    const descriptors = Object.getOwnPropertyDescriptors(def);
    Object.assign(mergedDescriptors, descriptors);
  }
  return Object.defineProperties({}, mergedDescriptors);
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
function isPlainObject2(o) {
  if (isObject(o) === false)
    return false;
  const ctor = o.constructor;
  if (ctor === void 0)
    return true;
  if (typeof ctor !== "function")
    return true;
  const prot = ctor.prototype;
  if (isObject(prot) === false)
    return false;
  if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
    return false;
  }
  return true;
}
var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
var NUMBER_FORMAT_RANGES = /* @__PURE__ */ (() => ({
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-34028234663852886e22, 34028234663852886e22],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
}))();
function extend(schema, shape) {
  if (!isPlainObject2(shape)) {
    throw new Error("Invalid input to extend: expected a plain object");
  }
  const checks = schema._zod.def.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    const existingShape = sourceShape(schema);
    for (const key of Reflect.ownKeys(shape)) {
      if (Object.getOwnPropertyDescriptor(existingShape, key) !== void 0) {
        throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
      }
    }
  }
  return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function extended(schema, shape) {
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
  mirrorProps(newShape, shape);
  return newShape;
}
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path2, issues) {
  return issues.map((iss) => {
    var _a3;
    (_a3 = iss).path ?? (_a3.path = []);
    iss.path.unshift(path2);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function sizeCaps(defChecks) {
  const caps = [];
  for (const ch of defChecks ?? []) {
    const d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    const max = d.maximum ?? d.length ?? d.size;
    if (max >= 0)
      caps.push([max, ch]);
  }
  return caps;
}
function attachSchema(issues, start2, inst) {
  var _a3;
  for (let i = start2; i < issues.length; i++) {
    (_a3 = issues[i]).schema ?? (_a3.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a3;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a3 = iss).schema ?? (_a3.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
var highSurrogate = /[\uD800-\uDBFF]/;
function codePointLength(str) {
  const units = str.length;
  if (!highSurrogate.test(str))
    return units;
  let count2 = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count2--;
      i++;
    }
  }
  return count2;
}
function getLengthableOrigin(input) {
  if (Array.isArray(input))
    return "array";
  if (typeof input === "string")
    return "string";
  return "unknown";
}
function issue(...args) {
  const [iss, input, inst] = args;
  if (typeof iss === "string") {
    return {
      message: iss,
      code: "custom",
      input,
      inst
    };
  }
  return { ...iss };
}
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
var installing;
var broke = false;
var breaker = {
  configurable: true,
  get() {
    broke = true;
    return void 0;
  }
};
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}

// ../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/core.js
var _a;
var _zodDesc = { value: void 0, enumerable: false };
var _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer2, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer2(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// ../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: true,
  configurable: true
};
var _issuesDesc = { value: void 0, enumerable: false };
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
  inst.name = "$ZodError";
  _issuesDesc.value = def;
  Object.defineProperty(inst, "issues", _issuesDesc);
  _issuesDesc.value = void 0;
  Object.defineProperty(inst, "message", _messageDesc);
  const proto = Object.getPrototypeOf(inst);
  if (!_installedToString.has(proto)) {
    _installedToString.add(proto);
    Object.defineProperty(proto, "toString", {
      configurable: true,
      enumerable: false,
      get() {
        const value = () => this.message;
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
      }
    });
  }
};
var $ZodError = $constructor("$ZodError", initializer);
var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});

// ../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/parse.js
var _parse = (_Err) => {
  const fn = (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    if (result.issues.length) {
      const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, _params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parse = /* @__PURE__ */ _parse($ZodRealError);
var _parseAsync = (_Err) => {
  const fn = async (schema, value, _ctx, params) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
      result = await result;
    if (result.issues.length) {
      const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
var _safeParse = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
function failure(Err, issues, ctx) {
  let error;
  return {
    success: false,
    get error() {
      if (!error) {
        error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error;
    },
    set error(e) {
      error = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);

// ../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/regexes.js
var anyString = /^[\s\S]{0,}$/;
var number = /^-?\d+(?:\.\d+)?$/;
var boolean = /^(?:true|false)$/i;

// ../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
  var _a3;
  inst._zod ?? (inst._zod = {});
  inst._zod.def = def;
  (_a3 = inst._zod).onattach ?? (_a3.onattach = []);
});
var _whenHasLength = (payload) => {
  const val = payload.value;
  return !nullish(val) && val.length !== void 0;
};
var numericOriginMap = {
  number: "number",
  bigint: "bigint",
  object: "date"
};
var $ZodCheckGreaterThan = /* @__PURE__ */ $constructor("$ZodCheckGreaterThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_small",
      minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckNumberFormat = /* @__PURE__ */ $constructor("$ZodCheckNumberFormat", (inst, def) => {
  $ZodCheck.init(inst, def);
  def.format = def.format || "float64";
  const isInt = def.format?.includes("int");
  const origin = isInt ? "int" : "number";
  const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
  inst._zod.check = (payload) => {
    const input = payload.value;
    if (isInt) {
      if (!Number.isInteger(input)) {
        payload.issues.push({
          expected: origin,
          format: def.format,
          code: "invalid_type",
          continue: false,
          input,
          inst
        });
        return;
      }
      if (!Number.isSafeInteger(input)) {
        if (input > 0) {
          payload.issues.push({
            input,
            code: "too_big",
            maximum: Number.MAX_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        } else {
          payload.issues.push({
            input,
            code: "too_small",
            minimum: Number.MIN_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        }
        return;
      }
    }
    if (input < minimum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_small",
        minimum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
    if (input > maximum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_big",
        maximum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodCheckMaxLength = /* @__PURE__ */ $constructor("$ZodCheckMaxLength", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
    if (length <= def.maximum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_big",
      maximum: def.maximum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
  var _a3;
  $ZodCheck.init(inst, def);
  (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units;
    if (length >= def.minimum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_small",
      minimum: def.minimum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
  var _a3, _b;
  $ZodCheck.init(inst, def);
  if (def.pattern)
    (_a3 = inst._zod).check ?? (_a3.check = (payload) => {
      def.pattern.lastIndex = 0;
      if (def.pattern.test(payload.value))
        return;
      payload.issues.push({
        origin: "string",
        code: "invalid_format",
        format: def.format,
        input: payload.value,
        ...def.pattern ? { pattern: def.pattern.toString() } : {},
        inst,
        continue: !def.abort
      });
    });
  else
    (_b = inst._zod).check ?? (_b.check = () => {
    });
});
var $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    def.pattern.lastIndex = 0;
    if (def.pattern.test(payload.value))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "regex",
      input: payload.value,
      pattern: def.pattern.toString(),
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckOverwrite = /* @__PURE__ */ $constructor("$ZodCheckOverwrite", (inst, def) => {
  $ZodCheck.init(inst, def);
  inst._zod.check = (payload) => {
    payload.value = def.tx(payload.value);
  };
});

// ../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// ../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a3;
  inst ?? (inst = {});
  inst._zod.def = def;
  inst._zod.bag = inst._zod.bag || {};
  inst._zod.version = version;
  const defChecks = inst._zod.def.checks;
  const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
  for (const ch of checks) {
    for (const fn of ch._zod.onattach) {
      fn(inst);
    }
  }
  if (checks.length === 0) {
    (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
    inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
      if (payload.memo)
        return payload;
      let isAborted = aborted(payload);
      let asyncResult;
      for (const ch of checks2) {
        if (ch._zod.def.when) {
          if (explicitlyAborted(payload))
            continue;
          const shouldRun = ch._zod.def.when(payload);
          if (!shouldRun)
            continue;
        } else if (isAborted) {
          continue;
        }
        const currLen = payload.issues.length;
        const _ = ch._zod.check(payload);
        if (_ instanceof Promise && ctx?.async === false) {
          throw new $ZodAsyncError();
        }
        if (asyncResult || _ instanceof Promise) {
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _;
            const nextLen = payload.issues.length;
            if (nextLen === currLen)
              return;
            attachSchema(payload.issues, currLen, inst);
            if (!isAborted)
              isAborted = aborted(payload, currLen);
          });
        } else {
          const nextLen = payload.issues.length;
          if (nextLen === currLen)
            continue;
          attachSchema(payload.issues, currLen, inst);
          if (!isAborted)
            isAborted = aborted(payload, currLen);
        }
      }
      if (asyncResult) {
        return asyncResult.then(() => {
          return payload;
        });
      }
      return payload;
    };
    const handleCanaryResult = (canary, payload, ctx) => {
      if (aborted(canary)) {
        canary.aborted = true;
        return canary;
      }
      const checkResult = runChecks(payload, checks, ctx);
      if (checkResult instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
      }
      return inst._zod.parse(checkResult, ctx);
    };
    inst._zod.run = (payload, ctx) => {
      if (ctx.skipChecks) {
        return inst._zod.parse(payload, ctx);
      }
      if (ctx.direction === "backward") {
        const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
        if (canary instanceof Promise) {
          return canary.then((canary2) => {
            return handleCanaryResult(canary2, payload, ctx);
          });
        }
        return handleCanaryResult(canary, payload, ctx);
      }
      const result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
}, {
  // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
  get "~standard"() {
    return hide(this, "~standard", standardProps(this));
  },
  set "~standard"(value) {
    own(this, "~standard", value);
  }
});
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
var $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = def.pattern ?? anyString;
  inst._zod.parse = (payload, _) => {
    if (def.coerce)
      try {
        payload.value = String(payload.value);
      } catch (_2) {
      }
    if (typeof payload.value === "string")
      return payload;
    payload.issues.push({
      expected: "string",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = number;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Number(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
      return payload;
    }
    const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
    payload.issues.push({
      expected: "number",
      code: "invalid_type",
      input,
      inst,
      ...received ? { received } : {}
    });
    return payload;
  };
});
var $ZodNumberFormat = /* @__PURE__ */ $constructor("$ZodNumberFormat", (inst, def) => {
  $ZodCheckNumberFormat.init(inst, def);
  $ZodNumber.init(inst, def);
});
var $ZodBoolean = /* @__PURE__ */ $constructor("$ZodBoolean", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = boolean;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Boolean(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "boolean")
      return payload;
    payload.issues.push({
      expected: "boolean",
      code: "invalid_type",
      input,
      inst
    });
    return payload;
  };
});
var $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload) => payload;
});
var $ZodNever = /* @__PURE__ */ $constructor("$ZodNever", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    payload.issues.push({
      expected: "never",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
function capSize(inst, size) {
  const caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  const cap = Math.min(...caps.map((c) => c[0]));
  const parse2 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    const n = size(payload.value);
    if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
      for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
        if (n > max && ch._zod.def.when(payload)) {
          const start2 = payload.issues.length;
          ch._zod.check(payload);
          payload.issues[start2].continue = false;
          attachSchema(payload.issues, start2, inst);
          return payload;
        }
      }
    }
    return parse2(payload, ctx);
  };
}
var arraySize = (input) => Array.isArray(input) ? input.length : -1;
function handleArrayResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
var $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
  $ZodType.init(inst, def);
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!Array.isArray(input)) {
      payload.issues.push({
        expected: "array",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo2 ? memo2.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
    const proms = [];
    const abortEarly = ctx?.abortEarly;
    for (let i = 0; i < input.length; i++) {
      const item = input[i];
      const result = def.element._zod.run({
        value: item,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        proms.push(result.then((result2) => handleArrayResult(result2, payload, i)));
      } else {
        handleArrayResult(result, payload, i);
        if (abortEarly && result.issues.length !== 0 && aborted(result))
          break;
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
  capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
var NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t2 = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t2 === "never")
        unrecognized.push(key);
      continue;
    }
    if (t2 === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
  $ZodType.init(inst, def);
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  const sh = desc?.get ? desc.get.raw : def.shape ?? {};
  if (sh) {
    const get2 = () => {
      const newSh = { ...sh };
      Object.defineProperty(def, "shape", { value: newSh });
      get2.raw = newSh;
      return newSh;
    };
    get2.raw = sh;
    Object.defineProperty(def, "shape", { get: get2 });
  }
  const _normalized = cached(() => normalizeDef(def));
  defineLazyInternal(inst, "propValues", (zod) => {
    const shape = zod.def.shape;
    const propValues = {};
    for (const key in shape) {
      const field = shape[key]._zod;
      if (field.values) {
        if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
          assignProp(propValues, key, /* @__PURE__ */ new Set());
        }
        for (const v of field.values)
          propValues[key].add(v);
        if (field.optin !== void 0)
          propValues[key].add(void 0);
      }
    }
    return propValues;
  });
  const isObject2 = isObject;
  const catchall = def.catchall;
  let value;
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input = payload.value;
    if (!isObject2(input)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
    const proms = [];
    const shape = value.shape;
    const abortEarly = ctx?.abortEarly;
    let seen = payload.issues.length;
    for (const key of value.allKeys) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      if (key === "__proto__")
        continue;
      const el = shape[key];
      const optin = el._zod.optin;
      const optout = el._zod.optout;
      const r = el._zod.run({ value: input[key], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
      } else {
        handlePropertyResult(r, payload, key, input, optin, optout);
      }
    }
    if (!catchall) {
      return proms.length ? Promise.all(proms).then(() => payload) : payload;
    }
    return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
  };
});
function handleUnionResults(results, final, inst, ctx) {
  for (const result of results) {
    if (result.issues.length === 0) {
      final.value = result.value;
      return final;
    }
  }
  const nonaborted = results.filter((r) => !aborted(r));
  if (nonaborted.length === 1) {
    final.value = nonaborted[0].value;
    return nonaborted[0];
  }
  final.issues.push({
    code: "invalid_union",
    input: final.value,
    inst,
    errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config())))
  });
  return final;
}
var $ZodUnion = /* @__PURE__ */ $constructor("$ZodUnion", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some((o) => o._zod.optin !== void 0) ? "optional" : void 0);
  defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : void 0);
  defineLazyInternal(inst, "values", (zod) => {
    if (zod.def.options.every((o) => o._zod.values)) {
      return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
    }
    return void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    if (zod.def.options.every((o) => o._zod.pattern)) {
      const patterns2 = zod.def.options.map((o) => o._zod.pattern);
      return new RegExp(`^(${patterns2.map((p) => cleanRegex(p.source)).join("|")})$`);
    }
    return void 0;
  });
  const first = def.options.length === 1 ? def.options[0]._zod.run : null;
  inst._zod.parse = (payload, ctx) => {
    if (first) {
      return first(payload, ctx);
    }
    let async = false;
    const results = [];
    for (const option of def.options) {
      const result = option._zod.run({
        value: payload.value,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        results.push(result);
        async = true;
      } else {
        if (result.issues.length === 0)
          return result;
        results.push(result);
      }
    }
    if (!async)
      return handleUnionResults(results, payload, inst, ctx);
    return Promise.all(results).then((results2) => {
      return handleUnionResults(results2, payload, inst, ctx);
    });
  };
});
function discriminatorMap(def) {
  const map = /* @__PURE__ */ new Map();
  for (const option of def.options) {
    const values = option._zod.propValues?.[def.discriminator];
    if (!values || values.size === 0)
      throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
    for (const value of values) {
      if (map.has(value)) {
        if (value !== void 0)
          throw new Error(`Duplicate discriminator value "${String(value)}"`);
        map.set(value, null);
      } else {
        map.set(value, option);
      }
    }
  }
  return map;
}
var $ZodDiscriminatedUnion = /* @__PURE__ */ $constructor("$ZodDiscriminatedUnion", (inst, def) => {
  def.inclusive = false;
  $ZodUnion.init(inst, def);
  const _super = inst._zod.parse;
  defineLazyInternal(inst, "propValues", (zod) => {
    const propValues = {};
    let undefinedCount = 0;
    for (const option of zod.def.options) {
      const pv = option._zod.propValues;
      if (!pv || Object.keys(pv).length === 0)
        throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
      if (pv[zod.def.discriminator]?.has(void 0))
        undefinedCount++;
      for (const [k, v] of Object.entries(pv)) {
        if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
          assignProp(propValues, k, /* @__PURE__ */ new Set());
        }
        for (const val of v) {
          propValues[k].add(val);
        }
      }
    }
    if (!zod.def.unionFallback && undefinedCount > 1)
      propValues[zod.def.discriminator]?.delete(void 0);
    return propValues;
  });
  def.options.forEach((option, i) => {
    const propShape = rawShape(option._zod.def);
    if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
      throw new Error(`Invalid discriminated union option at index "${i}"`);
    }
  });
  const disc = cached(() => discriminatorMap(def));
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!isObject(input)) {
      payload.issues.push({
        code: "invalid_type",
        expected: "object",
        input,
        inst
      });
      return payload;
    }
    const value = input?.[def.discriminator];
    const opt = disc.value.get(value);
    if (opt && (value !== void 0 || ctx.direction !== "backward")) {
      return opt._zod.run(payload, ctx);
    }
    if (def.unionFallback || ctx.direction === "backward") {
      return _super(payload, ctx);
    }
    payload.issues.push({
      code: "invalid_union",
      errors: [],
      note: "No matching discriminator",
      discriminator: def.discriminator,
      options: Array.from(disc.value.keys()).filter((value2) => disc.value.get(value2) !== null),
      input,
      path: [def.discriminator],
      inst
    });
    return payload;
  };
});
var $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
  $ZodType.init(inst, def);
  const memo2 = globalConfig.memoizer;
  memo2?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!isPlainObject2(input)) {
      payload.issues.push({
        expected: "record",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    const proms = [];
    const values = def.keyType._zod.values;
    if (values && !def.partial) {
      payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
      const recordKeys = /* @__PURE__ */ new Set();
      for (const key of values) {
        if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
          recordKeys.add(typeof key === "number" ? key.toString() : key);
          if (key === "__proto__")
            continue;
          const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
          if (keyResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (keyResult.issues.length) {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
            continue;
          }
          const outKey = keyResult.value;
          if (outKey === "__proto__")
            continue;
          const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => {
              if (result2.issues.length) {
                payload.issues.push(...prefixIssues(key, result2.issues));
              }
              payload.value[outKey] = result2.value;
            }));
          } else {
            if (result.issues.length) {
              payload.issues.push(...prefixIssues(key, result.issues));
            }
            payload.value[outKey] = result.value;
          }
        }
      }
      let unrecognized;
      for (const key in input) {
        if (!recordKeys.has(key)) {
          if (def.mode === "loose") {
            if (key === "__proto__")
              continue;
            payload.value[key] = input[key];
          } else {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          }
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    } else {
      payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
      let unrecognized;
      for (const key of Reflect.ownKeys(input)) {
        if (key === "__proto__")
          continue;
        if (!Object.prototype.propertyIsEnumerable.call(input, key))
          continue;
        let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
        if (keyResult instanceof Promise) {
          throw new Error("Async schemas not supported in object keys currently");
        }
        const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
        if (checkNumericKey) {
          const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
          if (retryResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (retryResult.issues.length === 0) {
            keyResult = retryResult;
          }
        }
        if (keyResult.issues.length) {
          if (def.mode === "loose") {
            payload.value[key] = input[key];
          } else if (values) {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          } else {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
          }
          continue;
        }
        const outKey = keyResult.value;
        if (outKey === "__proto__")
          continue;
        const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(result.then((result2) => {
            if (result2.issues.length) {
              payload.issues.push(...prefixIssues(key, result2.issues));
            }
            payload.value[outKey] = result2.value;
          }));
        } else {
          if (result.issues.length) {
            payload.issues.push(...prefixIssues(key, result.issues));
          }
          payload.value[outKey] = result.value;
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
});
var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
  $ZodType.init(inst, def);
  const values = getEnumValues(def.entries);
  const valuesSet = new Set(values);
  inst._zod.values = valuesSet;
  defineLazyInternal(inst, "pattern", (zod) => {
    const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
    return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (valuesSet.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values,
      input,
      inst
    });
    return payload;
  };
});
var $ZodLiteral = /* @__PURE__ */ $constructor("$ZodLiteral", (inst, def) => {
  $ZodType.init(inst, def);
  const values = new Set(def.values);
  inst._zod.values = values;
  defineLazyInternal(inst, "pattern", (zod) => {
    const vals = zod.def.values;
    return new RegExp(vals.length ? `^(${vals.map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o)).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (values.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values: def.values,
      input,
      inst
    });
    return payload;
  };
});
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
var $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  inst._zod.optout = "optional";
  defineLazyInternal(inst, "values", (zod) => {
    const values = zod.def.innerType._zod.values;
    return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      if (def.innerType._zod.optin !== "defaulted")
        return payload;
      const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
      if (result instanceof Promise)
        return result.then((result2) => handleOptionalResult(payload, result2));
      return handleOptionalResult(payload, result);
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
  $ZodCheck.init(inst, def);
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _) => {
    return payload;
  };
  inst._zod.check = (payload) => {
    const input = payload.value;
    const r = def.fn(input);
    if (r instanceof Promise) {
      return r.then((r2) => handleRefineResult(r2, payload, input, inst));
    }
    handleRefineResult(r, payload, input, inst);
    return;
  };
});
function handleRefineResult(result, payload, input, inst) {
  if (!result) {
    const _iss = {
      code: "custom",
      input,
      inst,
      // incorporates params.error into issue reporting
      path: [...inst._zod.def.path ?? []],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort
      // params: inst._zod.def.params,
    };
    if (inst._zod.def.params)
      _iss.params = inst._zod.def.params;
    payload.issues.push(issue(_iss));
  }
}

// ../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/registries.js
var _a2;
var $ZodRegistry = class {
  constructor() {
    this._map = /* @__PURE__ */ new WeakMap();
    this._idmap = /* @__PURE__ */ new Map();
  }
  add(schema, ..._meta) {
    const meta2 = _meta[0];
    this._map.set(schema, meta2);
    if (meta2 && typeof meta2 === "object" && "id" in meta2) {
      this._idmap.set(meta2.id, schema);
    }
    return this;
  }
  clear() {
    this._map = /* @__PURE__ */ new WeakMap();
    this._idmap = /* @__PURE__ */ new Map();
    return this;
  }
  remove(schema) {
    const meta2 = this._map.get(schema);
    if (meta2 && typeof meta2 === "object" && "id" in meta2) {
      this._idmap.delete(meta2.id);
    }
    this._map.delete(schema);
    return this;
  }
  get(schema) {
    const p = schema._zod.parent;
    if (p) {
      const pm = { ...this.get(p) ?? {} };
      delete pm.id;
      const f = { ...pm, ...this._map.get(schema) };
      return Object.keys(f).length ? f : void 0;
    }
    return this._map.get(schema);
  }
  has(schema) {
    return this._map.has(schema);
  }
};
function registry() {
  return new $ZodRegistry();
}
(_a2 = globalThis).__zod_globalRegistry ?? (_a2.__zod_globalRegistry = registry());
var globalRegistry = globalThis.__zod_globalRegistry;

// ../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
  return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
  return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
  return new Class({
    type: "number",
    check: "number_format",
    abort: false,
    format: "safeint",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
  return new Class({
    type: "boolean",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
  return new Class({
    type: "unknown"
  });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
  return new Class({
    type: "never",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: false
  });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _positive(params) {
  return /* @__PURE__ */ _gt(0, params);
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
  const ch = new $ZodCheckMaxLength({
    check: "max_length",
    ...normalizeParams(params),
    maximum
  });
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: "string_format",
    format: "regex",
    ...normalizeParams(params),
    pattern
  });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
  return new $ZodCheckOverwrite({
    check: "overwrite",
    tx
  });
}
// @__NO_SIDE_EFFECTS__
function _trim() {
  return /* @__PURE__ */ _overwrite((input) => input.trim());
}
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
  const schema = new Class({
    type: "custom",
    check: "custom",
    fn,
    ...normalizeParams(_params)
  });
  return schema;
}

// ../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/mini/schemas.js
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
  if (!inst._zod)
    throw new Error("Uninitialized schema in ZodMiniType.");
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
}, {
  // `with` is an alias for `check`: the same function object, not a wrapper.
  get with() {
    return this.check;
  },
  set with(value) {
    own(this, "with", value);
  },
  parse(data, params) {
    return parse(this, data, params, { callee: this.parse });
  },
  parseAsync(data, params) {
    return parseAsync(this, data, params, { callee: this.parseAsync });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  check(...checks) {
    const def = this.def;
    return this.clone({
      ...def,
      checks: [
        ...def.checks ?? [],
        ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }, { parent: true });
  },
  clone(_def, params) {
    return clone(this, _def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  }
});
var ZodMiniString = /* @__PURE__ */ $constructor("ZodMiniString", (inst, def) => {
  $ZodString.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string2(params) {
  return _string(ZodMiniString, params);
}
var ZodMiniNumber = /* @__PURE__ */ $constructor("ZodMiniNumber", (inst, def) => {
  $ZodNumber.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function number2(params) {
  return _number(ZodMiniNumber, params);
}
var ZodMiniNumberFormat = /* @__PURE__ */ $constructor("ZodMiniNumberFormat", (inst, def) => {
  $ZodNumberFormat.init(inst, def);
  ZodMiniNumber.init(inst, def);
});
function int(params) {
  return _int(ZodMiniNumberFormat, params);
}
var ZodMiniBoolean = /* @__PURE__ */ $constructor("ZodMiniBoolean", (inst, def) => {
  $ZodBoolean.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function boolean2(params) {
  return _boolean(ZodMiniBoolean, params);
}
var ZodMiniUnknown = /* @__PURE__ */ $constructor("ZodMiniUnknown", (inst, def) => {
  $ZodUnknown.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function unknown() {
  return _unknown(ZodMiniUnknown);
}
var ZodMiniNever = /* @__PURE__ */ $constructor("ZodMiniNever", (inst, def) => {
  $ZodNever.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function never(params) {
  return _never(ZodMiniNever, params);
}
var ZodMiniArray = /* @__PURE__ */ $constructor("ZodMiniArray", (inst, def) => {
  $ZodArray.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
  return new ZodMiniArray({
    type: "array",
    element,
    ...normalizeParams(params)
  });
}
var ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  $ZodObject.init(inst, def);
  ZodMiniType.init(inst, def);
  installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function strictObject(shape, params) {
  return new ZodMiniObject({
    type: "object",
    shape,
    catchall: /* @__PURE__ */ never(),
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function extend2(schema, shape) {
  return extend(schema, shape);
}
var ZodMiniUnion = /* @__PURE__ */ $constructor("ZodMiniUnion", (inst, def) => {
  $ZodUnion.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function union(options, params) {
  return new ZodMiniUnion({
    type: "union",
    options,
    ...normalizeParams(params)
  });
}
var ZodMiniDiscriminatedUnion = /* @__PURE__ */ $constructor("ZodMiniDiscriminatedUnion", (inst, def) => {
  $ZodDiscriminatedUnion.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function discriminatedUnion(discriminator, options, params) {
  return new ZodMiniDiscriminatedUnion({
    type: "union",
    options,
    discriminator,
    ...normalizeParams(params)
  });
}
var ZodMiniRecord = /* @__PURE__ */ $constructor("ZodMiniRecord", (inst, def) => {
  $ZodRecord.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodMiniRecord({
      type: "record",
      keyType: /* @__PURE__ */ string2(),
      valueType: keyType,
      ...normalizeParams(valueType)
    });
  }
  return new ZodMiniRecord({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
}
var ZodMiniEnum = /* @__PURE__ */ $constructor("ZodMiniEnum", (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodMiniType.init(inst, def);
  inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodMiniEnum({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}
var ZodMiniLiteral = /* @__PURE__ */ $constructor("ZodMiniLiteral", (inst, def) => {
  $ZodLiteral.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
  return new ZodMiniLiteral({
    type: "literal",
    values: Array.isArray(value) ? value : [value],
    ...normalizeParams(params)
  });
}
var ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}
var ZodMiniCustom = /* @__PURE__ */ $constructor("ZodMiniCustom", (inst, def) => {
  $ZodCustom.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
  return _refine(ZodMiniCustom, fn, _params);
}

// src/schema/common.ts
function described(schema, description) {
  globalRegistry.add(schema, { description });
  return schema;
}
var Id = described(
  string2().check(_maxLength(64), _regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'an id starts with a letter and holds only letters, digits, "-", "_" or "."')),
  'An identifier: a letter, then letters, digits, "-", "_" or ".".'
);
var LocalizedText = described(
  strictObject({
    en: string2().check(_minLength(1), _maxLength(500)),
    zh: optional(string2().check(_minLength(1), _maxLength(500)))
  }),
  "Text in English (en) and Chinese (zh)."
);
var LocalizedNote = described(
  union([
    string2().check(_maxLength(2e3)),
    strictObject({
      en: string2().check(_minLength(1), _maxLength(2e3)),
      zh: optional(string2().check(_minLength(1), _maxLength(2e3)))
    })
  ]),
  "A note: plain text, or text in English (en) and Chinese (zh)."
);
var LocalizedParagraph = strictObject({
  en: string2().check(_maxLength(2e4)),
  zh: optional(string2().check(_maxLength(2e4)))
});
var JsonLogicRule = described(unknown(), "A JsonLogic rule (jsonlogic.com). Operators method and log are not allowed.");
var FIELD_TYPES = [
  "string",
  "text",
  "number",
  "integer",
  "money",
  "percent",
  "boolean",
  "date",
  "datetime",
  "enum",
  "reference",
  "user",
  "list"
];
var FieldType = _enum(FIELD_TYPES);
var EnumOption = strictObject({
  value: string2().check(_minLength(1), _maxLength(200)),
  name: LocalizedText
});
var ItemField = strictObject({
  id: Id,
  name: LocalizedText,
  type: _enum(FIELD_TYPES.filter((t2) => t2 !== "list")),
  options: optional(array(EnumOption).check(_maxLength(500))),
  entity: described(optional(Id), "For reference fields: the entity referred to.")
});
var Access = _enum(["edit", "view", "none"]);

// src/schema/flow.ts
var DataPath = described(
  string2().check(_minLength(1), _maxLength(300), _regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, "a data path is names joined by dots, such as customer.creditLimit")),
  "A dotted path into the flow data, such as customer.creditLimit."
);
var Variable = strictObject({
  type: union([FieldType, literal("record")]),
  entity: described(optional(Id), "For record and reference variables: the entity."),
  name: optional(LocalizedText),
  options: optional(array(EnumOption).check(_maxLength(500))),
  itemFields: optional(array(ItemField).check(_maxLength(200)))
});
var nodeBase = {
  id: Id,
  name: LocalizedText,
  description: optional(LocalizedParagraph),
  department: described(optional(Id), "The department (swimlane) the step belongs to."),
  notes: described(optional(array(LocalizedNote).check(_maxLength(100))), "Notes and open questions left for later, each plain text or in English and Chinese.")
};
var StartNode = strictObject({ ...nodeBase, kind: literal("start"), roles: optional(array(Id).check(_maxLength(100))) });
var EndNode = strictObject({ ...nodeBase, kind: literal("end"), outcome: optional(Id) });
var Hours = JsonLogicRule.check(
  refine((v) => typeof v !== "number" || Number.isFinite(v) && v >= 0 && v <= 87600, {
    message: "hours must be a number from 0 to 87,600 (ten years) or a rule"
  })
);
var Sla = strictObject({
  hours: Hours,
  escalateTo: described(optional(Id), "The role alerted when the SLA passes.")
});
var TaskNode = strictObject({
  ...nodeBase,
  kind: literal("task"),
  roles: optional(array(Id).check(_maxLength(100))),
  window: optional(Id),
  record: described(optional(Id), "The record variable the window opens; defaults to the only variable of the window's entity."),
  fields: described(optional(array(DataPath).check(_maxLength(200))), "Process variables (outside the window) this step edits."),
  required: described(optional(array(DataPath).check(_maxLength(200))), "Data paths that must have a value when the step is completed."),
  mandatory: optional(boolean2()),
  sla: optional(Sla),
  notSameActorAs: described(optional(array(Id).check(_maxLength(20))), "Steps whose actor may not do this one (separation of duties).")
});
var DecisionNode = strictObject({ ...nodeBase, kind: literal("decision"), question: optional(LocalizedText) });
var ParallelNode = strictObject({ ...nodeBase, kind: literal("parallel") });
var JoinNode = strictObject({ ...nodeBase, kind: literal("join") });
var WaitNode = strictObject({
  ...nodeBase,
  kind: literal("wait"),
  until: optional(JsonLogicRule),
  timer: optional(strictObject({ hours: Hours }))
});
var Assignment = strictObject({ target: DataPath, value: JsonLogicRule });
var AlertSpec = strictObject({
  message: LocalizedText,
  to: array(Id).check(_minLength(1), _maxLength(50)),
  severity: optional(_enum(["info", "warning", "critical"]))
});
var SystemNode = strictObject({
  ...nodeBase,
  kind: literal("system"),
  assign: optional(array(Assignment).check(_maxLength(100))),
  alert: optional(AlertSpec)
});
var SubflowNode = strictObject({
  ...nodeBase,
  kind: literal("subflow"),
  flow: Id,
  version: described(optional(int().check(_gte(1))), "A pinned version; the latest published when absent."),
  input: optional(record(Id, JsonLogicRule)),
  output: optional(record(DataPath, JsonLogicRule))
});
var NODE_KINDS = ["start", "end", "task", "decision", "parallel", "join", "wait", "system", "subflow"];
var FlowNode = discriminatedUnion("kind", [
  StartNode,
  EndNode,
  TaskNode,
  DecisionNode,
  ParallelNode,
  JoinNode,
  WaitNode,
  SystemNode,
  SubflowNode
]);
var RecordLink = strictObject({
  entity: Id,
  field: Id,
  equals: DataPath
});
var FlowEdge = strictObject({
  id: Id,
  source: Id,
  target: Id,
  guard: optional(JsonLogicRule),
  default: optional(boolean2()),
  label: optional(LocalizedText),
  recordLink: optional(RecordLink)
});
var Control = strictObject({
  id: Id,
  kind: _enum(["alert", "gate"]),
  name: LocalizedText,
  when: JsonLogicRule,
  message: LocalizedText,
  notify: optional(array(Id).check(_maxLength(50))),
  blocks: optional(array(Id).check(_maxLength(200))),
  severity: optional(_enum(["info", "warning", "critical"]))
});
var Layout = strictObject({
  nodes: optional(record(Id, strictObject({ x: number2(), y: number2(), width: optional(number2()), height: optional(number2()) }))),
  lanes: optional(array(strictObject({ department: Id, size: optional(number2().check(_positive())) })).check(_maxLength(200)))
});
var DeployOverride = described(
  strictObject({
    by: described(string2().check(_minLength(1), _maxLength(200)), "Who decided to deploy despite the findings (name or user id)."),
    reason: described(string2().check(_trim(), _minLength(1), _maxLength(2e3)), "Why the flow must be deployed anyway."),
    rules: described(
      array(string2().check(_regex(/^[a-z][a-z0-9-]*$/, "a rule id such as mandatory-not-bypassed"))).check(_minLength(1), _maxLength(20)),
      "The deploy-blocking rules whose findings are accepted, e.g. mandatory-not-bypassed."
    )
  }),
  "Deploy although the deploy check refuses: who, why, and which rules are accepted. Shown in the history of every case on this version."
);
var Flow = strictObject({
  $schema: optional(string2()),
  id: Id,
  version: int().check(_gte(1)),
  name: LocalizedText,
  description: optional(LocalizedParagraph),
  catalog: described(optional(Id), "The id of the catalog the flow was written for."),
  data: record(Id, Variable),
  nodes: array(FlowNode).check(_maxLength(1e5)),
  edges: array(FlowEdge).check(_maxLength(2e5)),
  controls: optional(array(Control).check(_maxLength(500))),
  layout: optional(Layout),
  deployOverride: optional(DeployOverride)
});

// src/schema/json-text.ts
var DEFAULT_MAX_JSON_DEPTH = 64;

// src/logic/vars.ts
var ROOT = { kind: "root" };
function collectVarUses(rule) {
  const out = [];
  walk(rule, "", ROOT, out);
  return out;
}
function walk(rule, pointer, scope, out) {
  if (Array.isArray(rule)) {
    rule.forEach((r, i) => walk(r, `${pointer}/${i}`, scope, out));
    return;
  }
  if (rule === null || typeof rule !== "object") return;
  const keys = Object.keys(rule);
  if (keys.length !== 1) return;
  const op = keys[0];
  const raw = rule[op];
  const argPointer = `${pointer}/${op.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  const args = Array.isArray(raw) ? raw : [raw];
  const at = (i) => Array.isArray(raw) ? `${argPointer}/${i}` : argPointer;
  if (op === "var") {
    const name = args[0];
    if (typeof name === "string" || typeof name === "number") out.push({ path: String(name), pointer: at(0), operator: "var", scope });
    else if (name === null || name === void 0) out.push({ path: "", pointer: at(0), operator: "var", scope });
    else walk(name, at(0), scope, out);
    if (args.length > 1) walk(args[1], at(1), scope, out);
    return;
  }
  if (op === "missing") {
    const list = Array.isArray(args[0]) ? args[0] : args;
    const base = Array.isArray(args[0]) ? at(0) : argPointer;
    list.forEach((n, i) => {
      const p = Array.isArray(args[0]) || Array.isArray(raw) ? `${base}/${i}` : base;
      if (typeof n === "string") out.push({ path: n, pointer: p, operator: "missing", scope });
      else walk(n, p, scope, out);
    });
    return;
  }
  if (op === "missing_some") {
    walk(args[0], at(0), scope, out);
    const list = args[1];
    if (Array.isArray(list)) {
      list.forEach((n, i) => {
        if (typeof n === "string") out.push({ path: n, pointer: `${at(1)}/${i}`, operator: "missing_some", scope });
        else walk(n, `${at(1)}/${i}`, scope, out);
      });
    } else walk(list, at(1), scope, out);
    return;
  }
  if (ITERATING_OPERATORS.has(op)) {
    walk(args[0], at(0), scope, out);
    const of = listPath(args[0], scope);
    walk(args[1], at(1), op === "reduce" ? { kind: "reduce", of } : { kind: "item", of }, out);
    for (let i = 2; i < args.length; i++) walk(args[i], at(i), scope, out);
    return;
  }
  args.forEach((a2, i) => walk(a2, at(i), scope, out));
}
function listPath(expr, scope) {
  if (scope.kind !== "root" || expr === null || typeof expr !== "object" || Array.isArray(expr)) return null;
  const keys = Object.keys(expr);
  if (keys.length !== 1 || keys[0] !== "var") return null;
  const raw = expr.var;
  const name = Array.isArray(raw) ? raw[0] : raw;
  return typeof name === "string" ? name : null;
}

// src/schema/rule-sites.ts
function checkRuleSite(rule, at, where, resolveRoot) {
  const base = toPointer(at);
  const policy = checkRule(rule);
  if (policy.length > 0) return policy.map((i) => ({ code: i.code, path: base + i.path, message: `${where}: ${i.message}` }));
  if (!resolveRoot) return [];
  const problems = [];
  for (const use of collectVarUses(rule)) {
    let info;
    if (use.scope.kind === "root") {
      if (use.path === "") continue;
      info = resolveRoot(use.path);
    } else {
      const items = use.scope.of ? listItems(resolveRoot(use.scope.of)) : void 0;
      if (!items || !use.scope.of) continue;
      if (use.scope.kind === "reduce") {
        if (!use.path.startsWith("current.")) continue;
        info = resolveItemPath(use.path.slice("current.".length), items, use.scope.of);
      } else info = resolveItemPath(use.path, items, use.scope.of);
    }
    if (!info.ok) {
      problems.push({
        code: info.reason.includes("is not a variable") ? "FLOW_E027" : "FLOW_E026",
        path: base + use.pointer,
        message: `${where} reads '${use.path}', but ${info.reason}.${didYouMean(info)}`
      });
    }
  }
  return problems;
}
function listItems(info) {
  return info.ok && info.type === "list" ? info.itemFields : void 0;
}

// src/schema/sanitize.ts
var RESERVED_KEYS2 = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
function sanitizeInput(input, maxDepth = DEFAULT_MAX_JSON_DEPTH) {
  const problems = [];
  let reserved = false;
  const stack = [{ v: input, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { v, depth, path: path2 } = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (depth >= maxDepth) {
      return {
        value: void 0,
        problems: [{ code: "FLOW_E003", path: "", message: `The definition is nested more than ${maxDepth} levels deep; definitions are never that deep, so it was not read.` }],
        tooDeep: true
      };
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (v[i] !== null && typeof v[i] === "object") stack.push({ v: v[i], depth: depth + 1, path: [...path2, i] });
      continue;
    }
    for (const key of Object.keys(v)) {
      if (RESERVED_KEYS2.has(key)) {
        reserved = true;
        problems.push({ code: "FLOW_E016", path: toPointer([...path2, key]), message: `The key '${key}' is reserved by JavaScript and never allowed in a definition.` });
        continue;
      }
      const child = v[key];
      if (child !== null && typeof child === "object") stack.push({ v: child, depth: depth + 1, path: [...path2, key] });
    }
  }
  problems.sort((a2, b2) => a2.path < b2.path ? -1 : a2.path > b2.path ? 1 : 0);
  return { value: reserved ? withoutReserved(input) : input, problems, tooDeep: false };
}
function withoutReserved(v) {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(withoutReserved);
  const out = {};
  for (const key of Object.keys(v)) {
    if (RESERVED_KEYS2.has(key)) continue;
    out[key] = withoutReserved(v[key]);
  }
  return out;
}

// src/schema/parse-flow.ts
var FlowShell = extend2(Flow, {
  data: record(string2(), unknown()),
  nodes: array(unknown()).check(_maxLength(1e5)),
  edges: array(unknown()).check(_maxLength(2e5)),
  controls: optional(array(unknown()).check(_maxLength(500)))
});
function flowSubject(root) {
  return (path2) => {
    const [head2, index, ...rest] = path2;
    const label = head2 === "nodes" ? "Node" : head2 === "edges" ? "Edge" : head2 === "controls" ? "Control" : void 0;
    if (label && typeof index === "number") {
      const id = idOf(valueAt(root, [head2, index]));
      return { subject: `${label} '${id ?? `#${index + 1}`}'`, rest };
    }
    if (head2 === "data" && index !== void 0) return { subject: `Variable '${String(index)}'`, rest };
    if (head2 === "layout") return { subject: "The layout", rest: path2.slice(1) };
    return { subject: "The flow", rest: path2 };
  };
}
function parseFlow(json, catalog) {
  const clean = sanitizeInput(json);
  if (clean.tooDeep) return { ok: false, problems: clean.problems };
  const input = clean.value;
  const problems = [...clean.problems];
  const subjectOf = flowSubject(input);
  const shell = FlowShell.safeParse(input);
  if (!shell.success) problems.push(...problemsFromZod(shell.error.issues, input, subjectOf));
  const raw = input !== null && typeof input === "object" && !Array.isArray(input) ? input : {};
  const data = parseData(raw.data, input, subjectOf, problems);
  const nodes = parseEach(raw.nodes, ["nodes"], FlowNode, input, subjectOf, problems, kindPrecheck(input));
  const edges = parseEach(raw.edges, ["edges"], FlowEdge, input, subjectOf, problems);
  const controls = parseEach(raw.controls, ["controls"], Control, input, subjectOf, problems);
  checkUniqueIds(raw.nodes, ["nodes"], "Node", problems);
  checkUniqueIds(raw.edges, ["edges"], "Edge", problems);
  checkUniqueIds(raw.controls, ["controls"], "Control", problems);
  const ctx = {
    catalog,
    entities: indexEntities(catalog),
    data,
    nodeIds: rawIds(raw.nodes),
    roleIds: new Set(catalog?.roles.map((r) => r.id)),
    deptIds: new Set(catalog?.departments.map((d) => d.id)),
    windows: new Map(catalog?.windows.map((w) => [w.id, w])),
    problems
  };
  if (catalog && typeof raw.catalog === "string" && raw.catalog !== catalog.id) {
    problems.push({ code: "FLOW_E029", path: "/catalog", message: `The flow was written for catalog '${raw.catalog}', but it is being checked against catalog '${catalog.id}'.` });
  }
  checkVariables(data, ctx);
  for (const node of nodes) checkNode(node, ["nodes", indexInInput(node) ?? 0], nodes, ctx);
  for (const edge of edges) checkEdge(edge, ["edges", indexInInput(edge) ?? 0], ctx);
  for (const control of controls) checkControl(control, ["controls", indexInInput(control) ?? 0], ctx);
  if (problems.length > 0 || !shell.success) return { ok: false, problems };
  const { controls: rawControls, ...rest } = shell.data;
  const value = { ...rest, data, nodes, edges, ...rawControls ? { controls } : {} };
  return { ok: true, value, problems: [] };
}
function kindPrecheck(root) {
  return (item, at) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      return { code: "FLOW_E011", path: toPointer(at), message: `Node #${Number(at[1]) + 1} should be an object but is ${describeValue(item)}.` };
    }
    const kind = item.kind;
    const id = idOf(valueAt(root, at));
    const subject = `Node '${id ?? `#${Number(at[1]) + 1}`}'`;
    if (kind === void 0) return { code: "FLOW_E010", path: toPointer(at), message: `${subject} is missing 'kind' (one of ${NODE_KINDS.join(", ")}).` };
    if (typeof kind !== "string" || !NODE_KINDS.includes(kind)) {
      return {
        code: "FLOW_E015",
        path: toPointer([...at, "kind"]),
        message: `${subject} has kind ${describeValue(kind)}; a node's kind is one of ${NODE_KINDS.join(", ")}.${typeof kind === "string" ? suggest(kind, NODE_KINDS) : ""}`
      };
    }
    return void 0;
  };
}
function parseData(raw, root, subjectOf, problems) {
  const out = {};
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return out;
  for (const [name, value] of Object.entries(raw)) {
    const idOk = Id.safeParse(name);
    if (!idOk.success) {
      problems.push({ code: "FLOW_E013", path: toPointer(["data", name]), message: `Variable '${name.slice(0, 60)}' has an invalid name: a name starts with a letter and holds only letters, digits, "-", "_" or ".".` });
      continue;
    }
    const r = Variable.safeParse(value);
    if (r.success) out[name] = r.data;
    else problems.push(...problemsFromZod(r.error.issues, root, subjectOf, ["data", name]));
  }
  return out;
}
function rootResolver(ctx) {
  return (path2) => resolveDataPath(path2, ctx.data, ctx.entities);
}
function checkPath2(path2, at, where, ctx) {
  const info = resolveDataPath(path2, ctx.data, ctx.entities);
  if (!info.ok) ctx.problems.push({ code: info.reason.includes("is not a variable") ? "FLOW_E027" : "FLOW_E026", path: toPointer(at), message: `${where} names '${path2}', but ${info.reason}.${didYouMean(info)}` });
}
function checkRole(role, at, where, ctx) {
  if (ctx.catalog && !ctx.roleIds.has(role)) {
    ctx.problems.push({ code: "FLOW_E023", path: toPointer(at), message: `${where} names role '${role}', which the catalog does not have.${suggest(role, ctx.roleIds)}` });
  }
}
function checkNodeRef(id, at, where, ctx) {
  if (!ctx.nodeIds.has(id)) ctx.problems.push({ code: "FLOW_E021", path: toPointer(at), message: `${where} names node '${id}', which the flow does not have.${suggest(id, ctx.nodeIds)}` });
}
function checkVariables(data, ctx) {
  for (const [name, v] of Object.entries(data)) {
    const at = ["data", name];
    if ((v.type === "record" || v.type === "reference") && !v.entity) {
      ctx.problems.push({ code: "FLOW_E010", path: toPointer(at), message: `Variable '${name}' is a ${v.type} but does not say of which entity ('entity').` });
    } else if (v.entity && ctx.entities && !ctx.entities.has(v.entity)) {
      ctx.problems.push({ code: "FLOW_E025", path: toPointer([...at, "entity"]), message: `Variable '${name}' holds entity '${v.entity}', which the catalog does not have.${suggest(v.entity, ctx.entities.keys())}` });
    }
    if (v.type === "enum" && !(v.options && v.options.length > 0)) {
      ctx.problems.push({ code: "FLOW_E010", path: toPointer(at), message: `Variable '${name}' is an enum but lists no options.` });
    }
  }
}
function checkNode(node, at, nodes, ctx) {
  const subject = `Node '${node.id}'`;
  const resolve = rootResolver(ctx);
  if (node.department && ctx.catalog && !ctx.deptIds.has(node.department)) {
    ctx.problems.push({ code: "FLOW_E022", path: toPointer([...at, "department"]), message: `${subject} is in department '${node.department}', which the catalog does not have.${suggest(node.department, ctx.deptIds)}` });
  }
  switch (node.kind) {
    case "start":
      node.roles?.forEach((r, i) => checkRole(r, [...at, "roles", i], `${subject} roles`, ctx));
      break;
    case "task": {
      node.roles?.forEach((r, i) => checkRole(r, [...at, "roles", i], subject, ctx));
      if (node.window) checkTaskWindow(node, at, ctx);
      node.fields?.forEach((p, i) => checkPath2(p, [...at, "fields", i], `${subject} edits`, ctx));
      node.required?.forEach((p, i) => checkPath2(p, [...at, "required", i], `${subject} requires`, ctx));
      if (node.sla) {
        ctx.problems.push(...checkRuleSite(node.sla.hours, [...at, "sla", "hours"], `${subject} SLA hours`, resolve));
        if (node.sla.escalateTo) checkRole(node.sla.escalateTo, [...at, "sla", "escalateTo"], `${subject} SLA escalation`, ctx);
      }
      node.notSameActorAs?.forEach((id, i) => {
        checkNodeRef(id, [...at, "notSameActorAs", i], `${subject} separation of duties`, ctx);
        const other = nodes.find((n) => n.id === id);
        if (other && other.kind !== "task") {
          ctx.problems.push({ code: "FLOW_E021", path: toPointer([...at, "notSameActorAs", i]), message: `${subject} must not be done by the actor of '${id}', but '${id}' is a ${other.kind}, not a task done by a person.` });
        }
      });
      break;
    }
    case "wait":
      if (node.until !== void 0) ctx.problems.push(...checkRuleSite(node.until, [...at, "until"], `${subject} wait condition`, resolve));
      if (node.timer) ctx.problems.push(...checkRuleSite(node.timer.hours, [...at, "timer", "hours"], `${subject} timer`, resolve));
      break;
    case "system":
      node.assign?.forEach((a2, i) => {
        checkPath2(a2.target, [...at, "assign", i, "target"], `${subject} assignment`, ctx);
        ctx.problems.push(...checkRuleSite(a2.value, [...at, "assign", i, "value"], `${subject} assignment to '${a2.target}'`, resolve));
      });
      node.alert?.to.forEach((r, i) => checkRole(r, [...at, "alert", "to", i], `${subject} alert`, ctx));
      break;
    case "subflow":
      for (const [name, rule] of Object.entries(node.input ?? {})) {
        ctx.problems.push(...checkRuleSite(rule, [...at, "input", name], `${subject} input '${name}'`, resolve));
      }
      for (const [target, rule] of Object.entries(node.output ?? {})) {
        checkPath2(target, [...at, "output", target], `${subject} output`, ctx);
        ctx.problems.push(...checkRuleSite(rule, [...at, "output", target], `${subject} output '${target}'`, void 0));
      }
      break;
    default:
      break;
  }
}
function checkTaskWindow(node, at, ctx) {
  if (!ctx.catalog || !node.window) return;
  const subject = `Node '${node.id}'`;
  const win = ctx.windows.get(node.window);
  if (!win) {
    ctx.problems.push({ code: "FLOW_E024", path: toPointer([...at, "window"]), message: `${subject} opens window '${node.window}', which the catalog does not have.${suggest(node.window, ctx.windows.keys())}` });
    return;
  }
  if (node.record) {
    const v = ctx.data[node.record];
    if (!v) {
      ctx.problems.push({ code: "FLOW_E027", path: toPointer([...at, "record"]), message: `${subject} opens its window on variable '${node.record}', which is not in the flow's data.${suggest(node.record, Object.keys(ctx.data))}` });
    } else if (v.type !== "record" || v.entity !== win.entity) {
      ctx.problems.push({ code: "FLOW_E028", path: toPointer([...at, "record"]), message: `${subject} opens window '${win.id}' (a ${win.entity} screen) on variable '${node.record}', which does not hold a ${win.entity} record.` });
    }
    return;
  }
  const candidates = Object.entries(ctx.data).filter(([, v]) => v.type === "record" && v.entity === win.entity);
  if (candidates.length === 0) {
    ctx.problems.push({ code: "FLOW_E028", path: toPointer([...at, "window"]), message: `${subject} opens window '${win.id}' (a ${win.entity} screen), but the flow's data has no ${win.entity} record variable to open it on.` });
  } else if (candidates.length > 1) {
    ctx.problems.push({ code: "FLOW_E028", path: toPointer([...at, "window"]), message: `${subject} opens window '${win.id}', and the flow's data has several ${win.entity} records (${candidates.map(([n]) => n).join(", ")}); say which with 'record'.` });
  }
}
function checkEdge(edge, at, ctx) {
  const subject = `Edge '${edge.id}'`;
  if (!ctx.nodeIds.has(edge.source)) ctx.problems.push({ code: "FLOW_E021", path: toPointer([...at, "source"]), message: `${subject} starts at node '${edge.source}', which the flow does not have.${suggest(edge.source, ctx.nodeIds)}` });
  if (!ctx.nodeIds.has(edge.target)) ctx.problems.push({ code: "FLOW_E021", path: toPointer([...at, "target"]), message: `${subject} goes to node '${edge.target}', which the flow does not have.${suggest(edge.target, ctx.nodeIds)}` });
  if (edge.guard !== void 0) ctx.problems.push(...checkRuleSite(edge.guard, [...at, "guard"], `${subject} guard`, rootResolver(ctx)));
  const link = edge.recordLink;
  if (link) {
    const entity = ctx.entities?.get(link.entity);
    if (ctx.entities && !entity) {
      ctx.problems.push({ code: "FLOW_E025", path: toPointer([...at, "recordLink", "entity"]), message: `${subject} links to entity '${link.entity}', which the catalog does not have.${suggest(link.entity, ctx.entities.keys())}` });
    } else if (entity && link.field !== "id" && !entity.fields.some((f) => f.id === link.field)) {
      ctx.problems.push({ code: "FLOW_E026", path: toPointer([...at, "recordLink", "field"]), message: `${subject} links on field '${link.field}', but entity '${entity.id}' has no such field.${suggest(link.field, entity.fields.map((f) => f.id))}` });
    }
    checkPath2(link.equals, [...at, "recordLink", "equals"], `${subject} record link`, ctx);
  }
}
function checkControl(control, at, ctx) {
  const subject = `Control '${control.id}'`;
  ctx.problems.push(...checkRuleSite(control.when, [...at, "when"], `${subject} condition`, rootResolver(ctx)));
  control.notify?.forEach((r, i) => checkRole(r, [...at, "notify", i], `${subject} notify`, ctx));
  control.blocks?.forEach((id, i) => checkNodeRef(id, [...at, "blocks", i], `${subject} gate`, ctx));
}

// src/engine/history.ts
function historyEntry(event, flow, options = EN_UTC) {
  const text = historyText(event, flow);
  const entry = { seq: event.seq, at: event.at, type: event.type, summary: formatEngineText(text, options), text, event };
  if (event.actor) entry.actor = event.actor;
  const nodeId = "nodeId" in event ? event.nodeId : event.type === "token.moved" ? event.to : void 0;
  if (nodeId) entry.nodeId = nodeId;
  if (event.type === "data.changed") entry.changes = event.changes;
  return entry;
}
var EN_UTC = { locale: "en", timeZone: "UTC" };
function historyText(e, flow) {
  const step2 = (nodeId) => flow ? stepArg(flow, nodeId) : { kind: "step", id: nodeId };
  const who = () => actorArg(flow, e.actor);
  const t2 = (args) => ({ key: `history.${e.type}`, args });
  switch (e.type) {
    case "instance.started":
      return t2({
        who: who(),
        flow: flow ? { kind: "step", id: e.flowId, name: flow.flow.name } : { kind: "step", id: e.flowId },
        version: e.version,
        ...e.parent ? { parent: e.parent.instanceId } : {},
        ...flow?.flow.deployOverride ? { override: overrideArg(flow.flow.deployOverride) } : {}
      });
    case "token.moved":
      return t2({ step: step2(e.to) });
    case "token.split":
      return t2({ step: step2(e.nodeId), count: e.branches.length });
    case "token.joined":
      return t2({ step: step2(e.nodeId) });
    case "token.held":
      return t2({ step: step2(e.nodeId), controls: { kind: "list", items: e.controlIds.map((id) => controlArg(flow, id)) } });
    case "token.ended":
      return t2({ step: step2(e.nodeId), ...e.outcome ? { outcome: e.outcome } : {} });
    case "decision.taken": {
      const edge = flow?.flow.edges.find((x) => x.id === e.edgeId);
      const branch = edge?.label ? { kind: "step", id: edge.id, name: edge.label } : edge ? step2(edge.target) : { kind: "step", id: e.edgeId };
      return t2({ step: step2(e.nodeId), branch, byDefault: e.byDefault });
    }
    case "task.opened":
      return t2({ step: step2(e.nodeId), roles: rolesArg(flow, e.roles), ...e.dueAt !== void 0 ? { dueAt: { kind: "time", at: e.dueAt } } : {} });
    case "task.completed":
      return t2({ who: who(), step: step2(e.nodeId) });
    case "task.escalated":
      return t2({ step: step2(e.nodeId), ...e.to ? { to: rolesArg(flow, [e.to]) } : {} });
    case "data.changed": {
      const by = e.cause === "system" || e.cause === "subflow" ? e.nodeId ? step2(e.nodeId) : actorArg(flow, void 0) : who();
      const changes = {
        kind: "list",
        join: "semi",
        items: e.changes.map((c) => {
          const info = flow?.pathInfo(c.path);
          const type = info?.ok ? { type: info.type } : {};
          const field = flow ? fieldArg(flow, c.path) : { kind: "field", path: c.path };
          return { kind: "msg", key: "history.change", args: { field, from: { kind: "value", value: c.from, ...type }, to: { kind: "value", value: c.to, ...type } } };
        })
      };
      return t2({ who: by, changes });
    }
    case "control.changed":
      return t2({ control: controlArg(flow, e.controlId), holds: e.holds });
    case "alert.raised":
      return t2({ to: rolesArg(flow, e.to, "and"), message: e.text ? { kind: "msg", ...e.text } : { kind: "text", ...e.message } });
    case "wait.started":
      return t2({ step: step2(e.nodeId), ...e.dueAt !== void 0 ? { dueAt: { kind: "time", at: e.dueAt } } : {} });
    case "wait.ended":
      return t2({ step: step2(e.nodeId), reason: e.reason });
    case "subflow.started":
      return t2({ step: step2(e.nodeId), flow: { kind: "step", id: e.flowId }, version: e.version, child: e.childInstanceId });
    case "subflow.completed":
      return t2({ step: step2(e.nodeId), ...e.outcome ? { outcome: e.outcome } : {} });
    case "incident.raised":
      return t2({ message: e.text ? { kind: "msg", ...e.text } : e.message });
    case "incident.resolved":
      return t2({ incidentId: e.incidentId });
    case "instance.completed":
      return t2({ step: step2(e.nodeId), ...e.outcome ? { outcome: e.outcome } : {} });
    case "instance.cancelled":
      return t2({ who: who(), reason: e.reason });
    case "instance.migrated":
      return t2({ who: who(), from: e.fromVersion, to: e.toVersion });
  }
}
function overrideArg(o) {
  return { kind: "msg", key: "history.deployOverride", args: { rules: { kind: "list", items: o.rules }, by: o.by, reason: o.reason } };
}
function controlArg(flow, id) {
  const c = flow?.flow.controls?.find((x) => x.id === id);
  return c ? { kind: "step", id, name: c.name } : { kind: "step", id };
}

// src/engine/projections.ts
function summarize(state) {
  let nextDueAt;
  const open = state.status === "active" || state.status === "incident";
  if (open) {
    for (const id in state.tasks) {
      const t2 = state.tasks[id];
      if (t2.status === "open" && t2.dueAt !== void 0 && !t2.escalated && (nextDueAt === void 0 || t2.dueAt < nextDueAt)) nextDueAt = t2.dueAt;
    }
    for (const id in state.tokens) {
      const k = state.tokens[id];
      if (k.waiting === "wait" && k.dueAt !== void 0 && (nextDueAt === void 0 || k.dueAt < nextDueAt)) nextDueAt = k.dueAt;
    }
  }
  const summary = {
    instanceId: state.instanceId,
    flowId: state.flowId,
    version: state.version,
    status: state.status,
    seq: state.seq,
    startedAt: state.startedAt,
    updatedAt: state.updatedAt,
    at: standingAt(state)
  };
  if (nextDueAt !== void 0) summary.nextDueAt = nextDueAt;
  if (state.parent) summary.parentId = state.parent.instanceId;
  if (state.outcome !== void 0) summary.outcome = state.outcome;
  return summary;
}
function openTaskRows(state) {
  const rows = [];
  for (const id in state.tasks) {
    const t2 = state.tasks[id];
    if (t2.status !== "open") continue;
    const row = {
      instanceId: state.instanceId,
      taskId: t2.taskId,
      nodeId: t2.nodeId,
      flowId: state.flowId,
      version: state.version,
      roles: t2.roles.length ? t2.roles : ["*"],
      openedAt: t2.openedAt
    };
    if (t2.dueAt !== void 0) row.dueAt = t2.dueAt;
    rows.push(row);
  }
  return rows;
}
function standingAt(state) {
  const at = [];
  for (const id in state.tokens) {
    const nodeId = state.tokens[id].nodeId;
    if (!at.includes(nodeId)) at.push(nodeId);
  }
  return at;
}

// src/engine/views.ts
function taskView(flow, state, task2, actor2, now) {
  if (task2.status !== "open" || state.status !== "active" && state.status !== "incident") return void 0;
  const binding = flow.tasks.get(task2.nodeId);
  if (!binding) return void 0;
  const roles = actingRoles(binding, actor2);
  if (binding.candidates.length && roles.length === 0) return void 0;
  for (const other of binding.node.notSameActorAs ?? []) if (state.completedBy[other]?.id === actor2.id) return void 0;
  const { editable, visible, access } = binding.accessFor(roles);
  const values = {};
  for (const p of visible) {
    const v = getPath(state.data, p);
    if (v !== void 0) values[p] = v;
  }
  const node = binding.node;
  const view = {
    instanceId: state.instanceId,
    taskId: task2.taskId,
    nodeId: task2.nodeId,
    flowId: state.flowId,
    version: state.version,
    name: node.name,
    roles: [...binding.candidates],
    editable: [...editable],
    visible: [...visible],
    access: { ...access },
    required: [...binding.required],
    values,
    mandatory: node.mandatory === true,
    openedAt: task2.openedAt,
    overdue: task2.dueAt !== void 0 && task2.dueAt <= now,
    // Gate state is kept current in the instance after every data change.
    blockedBy: closedGates({ flow, state }, task2.nodeId).map((g) => ({ controlId: g.control.id, message: g.control.message })),
    seq: state.seq
  };
  if (node.description) view.description = node.description;
  if (node.department) view.department = node.department;
  if (task2.dueAt !== void 0) view.dueAt = task2.dueAt;
  if (binding.window && binding.variable) {
    const recordId = getPath(state.data, `${binding.variable}.id`);
    view.window = { id: binding.window.id, name: binding.window.name, entity: binding.window.entity, variable: binding.variable };
    if (typeof recordId === "string" || typeof recordId === "number") view.window.recordId = String(recordId);
  }
  return view;
}
function taskViews(flow, state, actor2, now) {
  const out = [];
  for (const t2 of Object.values(state.tasks)) {
    const v = taskView(flow, state, t2, actor2, now);
    if (v) out.push(v);
  }
  return out;
}

// src/engine/paging.ts
function page(items, next) {
  if (next !== void 0) Object.defineProperty(items, "next", { value: next, enumerable: false });
  return items;
}
var enc = encodeURIComponent;
function encodeTaskCursor(key) {
  return `t.${key.openedAt}.${enc(key.instanceId)}.${enc(key.taskId)}`;
}
function encodeInstanceCursor(key) {
  return `i.${key.startedAt}.${enc(key.instanceId)}`;
}
function decodeTaskCursor(cursor) {
  const parts = split(cursor, "t", 4);
  return { openedAt: num2(parts[1], cursor), instanceId: parts[2], taskId: parts[3] };
}
function decodeInstanceCursor(cursor) {
  const parts = split(cursor, "i", 3);
  return { startedAt: num2(parts[1], cursor), instanceId: parts[2] };
}
function split(cursor, kind, count2) {
  const parts = typeof cursor === "string" ? cursor.split(".") : [];
  if (parts.length !== count2 || parts[0] !== kind) throw bad(cursor);
  try {
    return parts.map((p) => decodeURIComponent(p));
  } catch {
    throw bad(cursor);
  }
}
function num2(text, cursor) {
  const n = Number(text);
  if (text === "" || !Number.isFinite(n)) throw bad(cursor);
  return n;
}
function bad(cursor) {
  return refusal("INVALID_CURSOR", "INVALID_CURSOR.cursor", { cursor: String(cursor) });
}

// src/engine/engine.ts
var STATE_CACHE = 5e3;
var INSTANCE_ID = Object.freeze({ kind: "instance" });
var DUE_BATCH = 100;
var DUE_LEASE_MS = 3e4;
var ROW_BATCH = 200;
var OK = { ok: true };
function createEngine(options) {
  return createEngineWith(options, parseFlow);
}
function createEngineWith(options, parse2) {
  const { store: store2, catalog } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const ids = options.ids ?? randomId;
  const newId = () => ids(INSTANCE_ID);
  const newRecordId2 = (record2) => ids({ kind: "record", ...record2 });
  const adminRoles = options.adminRoles ?? ["admin"];
  const requireAdmin = (actor2, what) => {
    const args = { roles: rolesArg(catalog ? { catalog } : void 0, adminRoles), what: { kind: "msg", key: `admin.${what}` } };
    if (!actor2) throw refusal("NOT_PERMITTED", "NOT_PERMITTED.adminNoActor", args, { roles: [...adminRoles] });
    if (!actor2.roles.some((r) => adminRoles.includes(r))) throw refusal("NOT_PERMITTED", "NOT_PERMITTED.admin", { ...args, actor: actor2.name ?? actor2.id }, { roles: [...adminRoles] });
  };
  const defs = definitionStore(store2, catalog, clock, parse2, options.deployCheck);
  const states = /* @__PURE__ */ new Map();
  const listeners = /* @__PURE__ */ new Set();
  const remember = (s) => {
    states.delete(s.instanceId);
    if (s.status === "completed" || s.status === "cancelled") return;
    states.set(s.instanceId, s);
    if (states.size > STATE_CACHE) states.delete(states.keys().next().value);
  };
  async function loadState(instanceId) {
    const cached2 = states.get(instanceId);
    let events;
    try {
      events = await store2.load({ instanceId, afterSeq: cached2?.seq ?? 0 });
    } catch (e) {
      throw storeFailed(e);
    }
    const state = replay(events, cached2);
    if (!state) throw refusal("UNKNOWN_INSTANCE", "UNKNOWN_INSTANCE.id", { instanceId }, { instanceId });
    if (state !== cached2) remember(state);
    return state;
  }
  async function statesOf(rows) {
    const ids2 = [...new Set(rows.map((r) => r.instanceId))];
    const out = /* @__PURE__ */ new Map();
    if (ids2.length === 0) return out;
    for (const s of await guard(() => store2.states({ instanceIds: ids2 }))) out.set(s.instanceId, s);
    for (const id of ids2) if (!out.has(id)) out.set(id, await loadState(id));
    return out;
  }
  const context = (flow, now) => ({ flow, now, newInstanceId: newId, newRecordId: newRecordId2, resolveFlow: defs.resolveSync, adminRoles });
  async function carryOut(batch, effects, now, depth = 0) {
    if (depth > 50) throw refusal("STORE_FAILED", "STORE_FAILED.nesting");
    for (const effect of effects) {
      let id;
      let command;
      let actor2;
      let flow;
      let state;
      if (effect.kind === "start-child") {
        id = effect.instanceId;
        command = { type: "start", instanceId: id, data: effect.data, parent: effect.parent };
        actor2 = effect.actor;
        flow = await defs.get(effect.flowId, effect.version);
      } else {
        id = effect.kind === "cancel-child" ? effect.instanceId : effect.parent.instanceId;
        state = batch.get(id)?.state ?? await loadState(id);
        flow = await defs.get(state.flowId, state.version);
        command = effect.kind === "cancel-child" ? { type: "cancel", reason: effect.reason, byParent: true } : effect.kind === "child-completed" ? { type: "child-completed", tokenId: effect.parent.tokenId, childInstanceId: effect.childInstanceId, ...effect.outcome ? { outcome: effect.outcome } : {}, data: effect.data } : { type: "child-cancelled", tokenId: effect.parent.tokenId, childInstanceId: effect.childInstanceId, reason: effect.reason };
      }
      await defs.preload(flow);
      const decision = decide(state, command, context(flow, now), actor2);
      add(batch, id, state?.seq ?? 0, decision);
      await carryOut(batch, decision.effects, now, depth + 1);
    }
  }
  function add(batch, id, seq, d) {
    const p = batch.get(id);
    if (p) {
      p.events.push(...d.events);
      p.state = d.state;
    } else batch.set(id, { expectedSeq: seq, state: d.state, events: d.events });
  }
  function commit(batch) {
    const writes = [];
    const written = [];
    batch.forEach((p, instanceId) => {
      if (p.events.length === 0) return;
      writes.push(write(instanceId, p.expectedSeq, p.events, p.state));
      written.push(p.state);
    });
    return commitWrites(writes, written);
  }
  function commitOneSync(sync, instanceId, expectedSeq, d) {
    if (d.events.length === 0) return OK;
    const writes = [write(instanceId, expectedSeq, d.events, d.state)];
    let result2;
    try {
      result2 = sync.append({ writes });
    } catch (e) {
      throw storeFailed(e);
    }
    return appended(result2, writes, [d.state]);
  }
  function write(instanceId, expectedSeq, events, state) {
    return { instanceId, expectedSeq, events, summary: summarize(state), openTasks: openTaskRows(state), state };
  }
  async function commitWrites(writes, written) {
    if (writes.length === 0) return OK;
    let result2;
    try {
      result2 = await store2.append({ writes });
    } catch (e) {
      throw storeFailed(e);
    }
    return appended(result2, writes, written);
  }
  function appended(result2, writes, written) {
    if (!result2.ok) {
      states.delete(result2.instanceId);
      return result2;
    }
    for (const s of written) remember(s);
    if (listeners.size) for (let i = 0; i < writes.length; i++) notify(writes[i].instanceId, writes[i].events, written[i]);
    return OK;
  }
  function notify(instanceId, events, instance) {
    for (const l of listeners) {
      try {
        l({ instanceId, events, instance });
      } catch {
      }
    }
  }
  function result(batch, instanceId) {
    const own2 = batch.get(instanceId);
    const related = [];
    if (batch.size > 1) {
      for (const [id, p] of batch) if (id !== instanceId) related.push(...p.events);
    }
    return { instance: own2.state, events: own2.events, related };
  }
  async function execute(instanceId, command, actor2, expectedSeq, now = clock.now(), tried) {
    let firstState = tried;
    for (let attempt = tried ? 1 : 0; ; attempt++) {
      const cached2 = attempt === 0 ? states.get(instanceId) : void 0;
      let state = cached2 && (expectedSeq === void 0 || cached2.seq === expectedSeq) ? cached2 : await loadState(instanceId);
      firstState ??= state;
      if (expectedSeq !== void 0 && state.seq !== expectedSeq) throw conflict(state, expectedSeq);
      const flow = defs.peek(state.flowId, state.version) ?? await defs.get(state.flowId, state.version);
      if (flow.subflows) await defs.preload(flow);
      if (command.type === "migrate" && command.to.subflows) await defs.preload(command.to);
      let decision;
      try {
        decision = decide(state, command, context(flow, now), actor2);
      } catch (e) {
        if (state === cached2 && isEngineError(e)) continue;
        if (attempt > 0 && command.type === "complete" && isEngineError(e, "TASK_NOT_OPEN") && firstState.tasks[command.taskId]?.status === "open") {
          const task2 = state.tasks[command.taskId];
          const by = task2?.completedBy ? { by: task2.completedBy.name ?? task2.completedBy.id } : {};
          throw refusal("VERSION_CONFLICT", "VERSION_CONFLICT.completed", { step: stepArg(flow, task2?.nodeId ?? command.taskId), ...by }, { instanceId, taskId: command.taskId });
        }
        throw e;
      }
      const batch = /* @__PURE__ */ new Map();
      add(batch, instanceId, state.seq, decision);
      await carryOut(batch, decision.effects, now);
      const res2 = await commit(batch);
      if (res2.ok) return result(batch, instanceId);
      if (expectedSeq !== void 0) {
        state = await loadState(instanceId);
        if (state.seq !== expectedSeq) throw conflict(state, expectedSeq);
        continue;
      }
      if (attempt >= 5) throw conflict(state, state.seq, res2.actualSeq);
    }
  }
  function run(instanceId, command, actor2, expectedSeq) {
    try {
      const c = command();
      const now = clock.now();
      const sync = store2.sync;
      const state = sync && states.get(instanceId);
      const flow = state && (expectedSeq === void 0 || state.seq === expectedSeq) ? defs.peek(state.flowId, state.version) : void 0;
      if (!flow || flow.subflows) return execute(instanceId, c, actor2, expectedSeq, now);
      let decision;
      try {
        decision = decide(state, c, context(flow, now), actor2);
      } catch (e) {
        if (!isEngineError(e)) throw e;
      }
      return decision && !decision.effects.length && commitOneSync(sync, instanceId, state.seq, decision).ok ? Promise.resolve({ instance: decision.state, events: decision.events, related: [] }) : execute(instanceId, c, actor2, expectedSeq, now, state);
    } catch (e) {
      return Promise.reject(e);
    }
  }
  function conflict(state, expectedSeq, actualSeq = state.seq) {
    return refusal("VERSION_CONFLICT", "VERSION_CONFLICT.changed", {}, { instanceId: state.instanceId, expectedSeq, actualSeq });
  }
  function startCommand({ data, hostData }) {
    return { type: "start", instanceId: newId(), data: copyJson(data ?? {}), hostData: hostData && copyJson(hostData) };
  }
  async function startAsync(flowId, options2) {
    const flow = await defs.startable(flowId, options2.version);
    if (flow.subflows) await defs.preload(flow);
    const now = clock.now();
    for (let attempt = 0; ; attempt++) {
      const command = startCommand(options2);
      const instanceId = command.instanceId;
      const decision = decide(void 0, command, context(flow, now), options2.actor);
      const batch = /* @__PURE__ */ new Map();
      add(batch, instanceId, 0, decision);
      await carryOut(batch, decision.effects, now);
      if ((await commit(batch)).ok) return result(batch, instanceId);
      if (attempt >= 2) throw refusal("STORE_FAILED", "STORE_FAILED.idTaken", { id: instanceId });
    }
  }
  const engine = {
    async deploy(flow, opts) {
      requireAdmin(opts?.actor, "deploy");
      return defs.deploy(flow);
    },
    async retire(flowId, version2, opts) {
      requireAdmin(opts?.actor, "retire");
      const reason = typeof opts.reason === "string" ? opts.reason.trim() : "";
      if (!reason) throw refusal("INVALID_VALUE", "INVALID_VALUE.retireReason", {});
      const by = opts.actor;
      return defs.retire(flowId, version2, { at: clock.now(), by: { id: by.id, ...by.name ? { name: by.name } : {} }, reason });
    },
    definitions: (flowId) => defs.list(flowId),
    definition: async (flowId, version2) => (await defs.get(flowId, version2)).flow,
    start(flowId, options2) {
      try {
        const sync = store2.sync;
        const stored = sync?.getDefinition({ flowId, version: options2.version });
        const flow = stored && !stored.retired ? defs.peek(flowId, stored.version) : void 0;
        if (sync && flow && !flow.subflows) {
          const command = startCommand(options2);
          const decision = decide(void 0, command, context(flow, clock.now()), options2.actor);
          if (!decision.effects.length && commitOneSync(sync, command.instanceId, 0, decision).ok) return Promise.resolve({ instance: decision.state, events: decision.events, related: [] });
        }
      } catch (e) {
        return Promise.reject(e);
      }
      return startAsync(flowId, options2);
    },
    tasks: (async (a2, b2) => {
      const now = clock.now();
      if (typeof a2 === "string") {
        const state = await loadState(a2);
        return taskViews(await defs.get(state.flowId, state.version), state, b2.actor, now);
      }
      const { actor: actor2 } = a2;
      const limit = pageLimit(a2.limit);
      const token2 = a2.cursor ?? a2.after;
      let after = token2 === void 0 ? void 0 : decodeTaskCursor(token2);
      const roles = [...actor2.roles, "*"];
      const out = [];
      for (let round = 0; ; round++) {
        const want = limit === void 0 ? void 0 : round === 0 ? limit : Math.max(ROW_BATCH, limit - out.length);
        const rows = await guard(() => store2.openTasks({ roles, limit: want, after: want === void 0 ? void 0 : after }));
        const states2 = await statesOf(rows);
        for (const r of rows) {
          after = r;
          const state = states2.get(r.instanceId);
          const task2 = state?.tasks[r.taskId];
          if (!state || !task2) continue;
          const view = taskView(await defs.get(state.flowId, state.version), state, task2, actor2, now);
          if (!view) continue;
          out.push(view);
          if (limit !== void 0 && out.length === limit) return page(out, encodeTaskCursor(r));
        }
        if (want === void 0 || rows.length < want) return page(out);
      }
    }),
    complete: (instanceId, taskId, options2) => run(instanceId, () => ({ type: "complete", taskId, data: copyJson(options2.data ?? {}) }), options2?.actor, options2?.expectedSeq),
    updateData: (instanceId, options2) => run(instanceId, () => ({ type: "update", data: copyJson(options2.data) }), options2?.actor, options2?.expectedSeq),
    cancel(instanceId, opts) {
      if (!opts?.actor) return Promise.reject(refusal("NOT_PERMITTED", "NOT_PERMITTED.cancelNoActor", {}, { instanceId, roles: [...adminRoles] }));
      const reason = typeof opts.reason === "string" ? opts.reason.trim() : "";
      if (!reason) return Promise.reject(refusal("INVALID_VALUE", "INVALID_VALUE.reason", {}, { instanceId }));
      return run(instanceId, () => ({ type: "cancel", reason }), opts.actor);
    },
    async migrate(instanceId, toVersion, nodeMap, opts) {
      requireAdmin(opts?.actor, "migrate");
      const state = await loadState(instanceId);
      const to = await defs.get(state.flowId, toVersion);
      return execute(instanceId, { type: "migrate", to, nodeMap: { ...nodeMap ?? {} } }, opts.actor);
    },
    async tick(now = clock.now()) {
      const instances = [];
      const events = [];
      const seen = /* @__PURE__ */ new Set();
      for (; ; ) {
        const due = await guard(() => store2.due({ before: now, limit: DUE_BATCH, leaseMs: DUE_LEASE_MS }));
        const fresh = due.filter((s) => !seen.has(s.instanceId));
        if (fresh.length === 0) break;
        for (const s of fresh) {
          seen.add(s.instanceId);
          if (s.status !== "active" && s.status !== "incident") continue;
          let r;
          try {
            r = await execute(s.instanceId, { type: "tick" }, void 0, void 0, now);
          } catch (e) {
            if (isEngineError(e, "VERSION_CONFLICT")) continue;
            throw e;
          }
          if (r.events.length) instances.push(s.instanceId);
          events.push(...r.events, ...r.related);
        }
        if (due.length < DUE_BATCH) break;
      }
      return { instances, events };
    },
    instance: (instanceId) => loadState(instanceId),
    async instances(query = {}) {
      const { flowId, status, parentId } = query;
      const limit = pageLimit(query.limit);
      const token2 = query.cursor ?? query.after;
      const after = token2 === void 0 ? void 0 : decodeInstanceCursor(token2);
      const rows = await guard(() => store2.instances({ flowId, status, parentId, limit: limit === void 0 ? void 0 : limit + 1, after }));
      if (limit === void 0 || rows.length <= limit) return page(rows);
      const items = rows.slice(0, limit);
      return page(items, encodeInstanceCursor(items[items.length - 1]));
    },
    feed: (query = {}) => guard(() => store2.feed(query)),
    async events(instanceId) {
      const events = await guard(() => store2.load({ instanceId }));
      if (!events.length) throw refusal("UNKNOWN_INSTANCE", "UNKNOWN_INSTANCE.id", { instanceId }, { instanceId });
      return events;
    },
    async history(instanceId, options2) {
      const events = await engine.events(instanceId);
      const first = events[0];
      let version2 = first.type === "instance.started" ? first.version : 1;
      const flowId = first.type === "instance.started" ? first.flowId : "";
      const entries = [];
      const historyOptions = options2 && { catalog, ...options2 };
      for (const e of events) {
        if (e.type === "instance.migrated") version2 = e.toVersion;
        const flow = await defs.get(flowId, version2).catch(() => void 0);
        entries.push(historyEntry(e, flow, historyOptions));
      }
      return entries;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }
  };
  return engine;
}
function pageLimit(limit) {
  if (limit === void 0) return void 0;
  if (!Number.isInteger(limit) || limit < 1) throw refusal("INVALID_CURSOR", "INVALID_CURSOR.limit", { limit: String(limit) });
  return limit;
}
async function guard(f) {
  try {
    return await f();
  } catch (e) {
    throw storeFailed(e);
  }
}
function storeFailed(e) {
  if (isEngineError(e)) return e;
  return refusal("STORE_FAILED", "STORE_FAILED.store", { why: e instanceof Error ? e.message : String(e) });
}

// src/stores/sorted.ts
var SortedList = class {
  constructor(compare) {
    this.compare = compare;
  }
  compare;
  items = [];
  /** The first index whose entry is not before `key` (after it when `strict`). */
  seek(key, strict = false) {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      const c = this.compare(this.items[mid], key);
      if (c < 0 || strict && c === 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /**
   * Where `entry` goes (the first index whose entry is not before it),
   * searched back from the end in doubling steps, then by halves: the place is
   * usually among the newest entries (those of the same millisecond are
   * ordered by id), so it costs a few comparisons however long the list is.
   */
  place(entry) {
    const items = this.items;
    let hi = items.length;
    let lo = hi - 1;
    for (let step2 = 1; lo >= 0 && this.compare(items[lo], entry) >= 0; step2 *= 2) {
      hi = lo;
      lo -= step2;
    }
    lo = Math.max(lo + 1, 0);
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (this.compare(items[mid], entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** Adds an entry, replacing an equal one. */
  insert(entry) {
    const items = this.items;
    const i = this.place(entry);
    if (i < items.length && this.compare(items[i], entry) === 0) items[i] = entry;
    else {
      for (let j = items.length; j > i; j--) items[j] = items[j - 1];
      items[i] = entry;
    }
  }
  /** Removes the entry equal to `entry`, if any. */
  remove(entry) {
    const items = this.items;
    const i = this.place(entry);
    if (i < items.length && this.compare(items[i], entry) === 0) {
      for (let j = i + 1; j < items.length; j++) items[j - 1] = items[j];
      items.pop();
    }
  }
  get size() {
    return this.items.length;
  }
};
function compareText(a2, b2) {
  return a2 < b2 ? -1 : a2 > b2 ? 1 : 0;
}
function compareTaskKeys(a2, b2) {
  return a2.openedAt - b2.openedAt || compareText(a2.instanceId, b2.instanceId) || compareText(a2.taskId, b2.taskId);
}
function compareInstanceKeys(a2, b2) {
  return a2.startedAt - b2.startedAt || compareText(a2.instanceId, b2.instanceId);
}
function parseCounterPosition(after) {
  if (after === void 0 || after === "") return 0;
  if (!/^\d{1,15}$/.test(after)) throw new Error(`'${after}' is not a feed position of this store (expected a number returned as 'next').`);
  return Number(after);
}

// src/stores/memory.ts
var NO_ROWS = [];
var NO_KEYS = [];
var ALL = "\0all";
var compareDue = (a2, b2) => a2.dueAt - b2.dueAt || compareText(a2.instanceId, b2.instanceId);
function createMemoryStore() {
  const instances = /* @__PURE__ */ new Map();
  const byRole = /* @__PURE__ */ new Map();
  const listed = /* @__PURE__ */ new Map();
  const dueIndex = new SortedList(compareDue);
  const claims = /* @__PURE__ */ new Map();
  const defs = /* @__PURE__ */ new Map();
  const latestDefs = /* @__PURE__ */ new Map();
  const changes = /* @__PURE__ */ new Map();
  const feedLog = [];
  const cursors = /* @__PURE__ */ new Map();
  const roleList = (role) => {
    let list = byRole.get(role);
    if (!list) byRole.set(role, list = new SortedList(compareTaskKeys));
    return list;
  };
  const sharedKeys = /* @__PURE__ */ new Map();
  const listKeys = (s) => {
    if (s.parentId !== void 0) return ["", `f:${s.flowId}`, `s:${s.status}`, `fs:${s.flowId}\0${s.status}`, `p:${s.parentId}`];
    let byStatus = sharedKeys.get(s.flowId);
    if (!byStatus) sharedKeys.set(s.flowId, byStatus = /* @__PURE__ */ new Map());
    let keys = byStatus.get(s.status);
    if (!keys) byStatus.set(s.status, keys = ["", `f:${s.flowId}`, `s:${s.status}`, `fs:${s.flowId}\0${s.status}`]);
    return keys;
  };
  const setTasks = (before, rows) => {
    if (before.length === 0 && rows.length === 0) return;
    for (const row of before) {
      byRole.get(ALL)?.remove(row);
      for (const role of row.roles) byRole.get(role)?.remove(row);
    }
    for (const row of rows) {
      roleList(ALL).insert(row);
      for (const role of row.roles) roleList(role).insert(row);
    }
  };
  const setSummary = (entry, before, after) => {
    const beforeKeys = before ? entry.keys : NO_KEYS;
    const keys = before && before.flowId === after.flowId && before.status === after.status && before.parentId === after.parentId ? beforeKeys : listKeys(after);
    if (keys !== beforeKeys) {
      for (const key of beforeKeys) if (!keys.includes(key)) listed.get(key)?.remove(entry);
      for (const key of keys) {
        if (beforeKeys.includes(key)) continue;
        let list = listed.get(key);
        if (!list) listed.set(key, list = new SortedList(compareInstanceKeys));
        list.insert(entry);
      }
      entry.keys = keys;
    }
    if (before?.nextDueAt !== after.nextDueAt) {
      if (before?.nextDueAt !== void 0) dueIndex.remove({ dueAt: before.nextDueAt, instanceId: before.instanceId });
      if (after.nextDueAt !== void 0) dueIndex.insert({ dueAt: after.nextDueAt, instanceId: after.instanceId });
    }
    claims.delete(after.instanceId);
  };
  const appendSync = ({ writes }) => {
    for (const w of writes) {
      const actualSeq = instances.get(w.instanceId)?.summary.seq ?? 0;
      if (actualSeq !== w.expectedSeq) return { ok: false, instanceId: w.instanceId, expectedSeq: w.expectedSeq, actualSeq };
    }
    for (const w of writes) {
      const stored = instances.get(w.instanceId);
      for (const e of w.events) feedLog.push(e);
      if (stored) {
        for (const e of w.events) stored.log.push(e);
        const before = stored.summary;
        stored.summary = w.summary;
        setSummary(stored, before, w.summary);
        setTasks(stored.tasks, w.openTasks);
        stored.tasks = w.openTasks;
        stored.snapshot = w.state !== void 0;
      } else {
        const entry = { startedAt: w.summary.startedAt, instanceId: w.instanceId, log: w.events.slice(), summary: w.summary, tasks: w.openTasks, snapshot: w.state !== void 0, keys: NO_KEYS };
        instances.set(w.instanceId, entry);
        setSummary(entry, void 0, w.summary);
        setTasks(NO_ROWS, w.openTasks);
      }
    }
    return { ok: true };
  };
  const getDefinitionSync = ({ flowId, version: version2 }) => version2 === void 0 ? latestDefs.get(flowId) : defs.get(flowId)?.get(version2);
  return {
    sync: { append: appendSync, getDefinition: getDefinitionSync },
    append: async (request) => appendSync(request),
    async load({ instanceId, afterSeq = 0 }) {
      const log = instances.get(instanceId)?.log;
      return log && log.length > afterSeq ? log.slice(afterSeq) : [];
    },
    async instance({ instanceId }) {
      return instances.get(instanceId)?.summary;
    },
    async states({ instanceIds }) {
      const out = [];
      for (const id of instanceIds) {
        const entry = instances.get(id);
        const state = entry?.snapshot ? replay(entry.log) : void 0;
        if (state) out.push(state);
      }
      return out;
    },
    async instances({ flowId, status, dueBefore, parentId, limit, after }) {
      const key = parentId !== void 0 ? `p:${parentId}` : flowId !== void 0 && status !== void 0 ? `fs:${flowId}\0${status}` : flowId !== void 0 ? `f:${flowId}` : status !== void 0 ? `s:${status}` : "";
      const list = listed.get(key);
      if (!list) return [];
      const out = [];
      const max = limit ?? Infinity;
      const items = list.items;
      for (let i = after ? list.seek(after, true) : 0; i < items.length && out.length < max; i++) {
        const s = items[i].summary;
        if (flowId !== void 0 && s.flowId !== flowId) continue;
        if (status !== void 0 && s.status !== status) continue;
        if (dueBefore !== void 0 && (s.nextDueAt === void 0 || s.nextDueAt > dueBefore)) continue;
        if (parentId !== void 0 && s.parentId !== parentId) continue;
        out.push(s);
      }
      return out;
    },
    async due({ before, limit, leaseMs }) {
      const out = [];
      const wall = Date.now();
      for (const entry of dueIndex.items) {
        if (entry.dueAt > before || out.length >= limit) break;
        const claimed = claims.get(entry.instanceId);
        if (claimed !== void 0 && claimed > wall) continue;
        const summary = instances.get(entry.instanceId)?.summary;
        if (!summary) continue;
        if (leaseMs !== void 0) claims.set(entry.instanceId, wall + leaseMs);
        out.push(summary);
      }
      return out;
    },
    async openTasks({ roles, instanceId, limit, after }) {
      const max = limit ?? Infinity;
      if (instanceId !== void 0) {
        const rows = (instances.get(instanceId)?.tasks ?? NO_ROWS).filter((r) => (!roles || r.roles.some((x) => roles.includes(x))) && (!after || compareTaskKeys(r, after) > 0));
        return rows.sort(compareTaskKeys).slice(0, max);
      }
      const lists = roles ? roles.map((r) => byRole.get(r)).filter((l) => l !== void 0) : [byRole.get(ALL)].filter((l) => l !== void 0);
      const pos = lists.map((l) => after ? l.seek(after, true) : 0);
      const out = [];
      let last;
      while (out.length < max) {
        let best = -1;
        for (let i = 0; i < lists.length; i++) {
          const row2 = lists[i].items[pos[i]];
          if (row2 && (best < 0 || compareTaskKeys(row2, lists[best].items[pos[best]]) < 0)) best = i;
        }
        if (best < 0) break;
        const row = lists[best].items[pos[best]];
        pos[best]++;
        if (last && compareTaskKeys(last, row) === 0) continue;
        out.push(row);
        last = row;
      }
      return out;
    },
    async feed({ after, limit = 100 }) {
      const from = parseCounterPosition(after);
      const events = feedLog.slice(from, from + Math.max(0, limit));
      return { events, next: String(from + events.length) };
    },
    async feedCursor({ subscriber }) {
      return cursors.get(subscriber);
    },
    async saveFeedCursor({ subscriber, position }) {
      parseCounterPosition(position);
      cursors.set(subscriber, position);
    },
    async putDefinition({ definition }) {
      let versions = defs.get(definition.flowId);
      const existing = versions?.get(definition.version);
      if (existing) return { created: false, existing };
      if (!versions) defs.set(definition.flowId, versions = /* @__PURE__ */ new Map());
      versions.set(definition.version, definition);
      const latest = latestDefs.get(definition.flowId);
      if (!latest || definition.version > latest.version) latestDefs.set(definition.flowId, definition);
      return { created: true };
    },
    getDefinition: async (request) => getDefinitionSync(request),
    async definitions({ flowId }) {
      const all = flowId !== void 0 ? [...defs.get(flowId)?.values() ?? []] : [...defs.values()].flatMap((m) => [...m.values()]);
      return all.sort((a2, b2) => a2.flowId === b2.flowId ? a2.version - b2.version : a2.flowId < b2.flowId ? -1 : 1);
    },
    async retireDefinition({ flowId, version: version2, retired }) {
      const versions = defs.get(flowId);
      const existing = versions?.get(version2);
      if (!versions || !existing) return void 0;
      if (existing.retired) return existing;
      const after = { ...existing, retired: structuredClone(retired) };
      versions.set(version2, after);
      if (latestDefs.get(flowId) === existing) latestDefs.set(flowId, after);
      return after;
    },
    async appendChange({ event }) {
      const log = changes.get(event.flowId) ?? [];
      const last = log.at(-1)?.seq ?? 0;
      if (event.seq !== last + 1) return { ok: false, actualSeq: last };
      log.push(structuredClone(event));
      changes.set(event.flowId, log);
      return { ok: true };
    },
    async changes({ flowId }) {
      const logs = flowId !== void 0 ? [changes.get(flowId) ?? []] : [...changes.keys()].sort().map((k) => changes.get(k));
      return structuredClone(logs.flat());
    }
  };
}

// bench/suites/engine.ts
import { Engine as BpmnEngine } from "bpmn-engine";
import { assign, createActor, setup } from "xstate";
var BENCH_FLOW = {
  id: "bench-order",
  version: 1,
  name: { en: "Bench order" },
  data: { amount: { type: "number" } },
  nodes: [
    { id: "start", kind: "start", name: { en: "Start" } },
    { id: "enter", kind: "task", name: { en: "Enter order" }, roles: ["sales-rep"], fields: ["amount"], required: ["amount"] },
    { id: "bigq", kind: "decision", name: { en: "Big order?" } },
    { id: "big", kind: "end", name: { en: "Big" }, outcome: "big" },
    { id: "small", kind: "end", name: { en: "Small" }, outcome: "small" }
  ],
  edges: [
    { id: "e1", source: "start", target: "enter" },
    { id: "e2", source: "enter", target: "bigq" },
    { id: "e3", source: "bigq", target: "big", guard: { ">": [{ var: "amount" }, 100] } },
    { id: "e4", source: "bigq", target: "small", default: true }
  ]
};
var benchMachine = setup({
  types: { context: {}, events: {} },
  guards: { big: ({ context }) => context.amount > 100 }
}).createMachine({
  id: "bench-order",
  initial: "enter",
  context: { amount: 0 },
  states: {
    enter: { on: { COMPLETE: { target: "decide", actions: assign({ amount: ({ event }) => event.amount }) } } },
    decide: { always: [{ guard: "big", target: "big" }, { target: "small" }] },
    big: { type: "final" },
    small: { type: "final" }
  }
});

// bench/.perf-writes.ts
var actor = { id: "sam", roles: ["sales-rep"] };
var mode = process.argv[2] ?? "warm";
var store = createMemoryStore();
var a = createEngine({ store });
var b = mode === "cold" ? createEngine({ store }) : a;
await a.deploy(BENCH_FLOW, { actor: { id: "admin", roles: ["admin"] } });
var count = 0;
var cycle = async () => {
  const { instance } = await a.start("bench-order", { actor });
  const taskId = Object.keys(instance.tasks)[0];
  await b.complete(instance.instanceId, taskId, { actor, data: { amount: ++count % 200 } });
};
var cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};
for (let i = 0; i < 2e4; i++) await cycle();
var res = [];
for (let r = 0; r < 7; r++) {
  const t2 = cpu();
  for (let i = 0; i < 2e4; i++) await cycle();
  res.push((cpu() - t2) * 1e3 / 2e4);
}
res.sort((x, y) => x - y);
console.log(mode, "\xB5s/instance median", res[3].toFixed(2), "min", res[0].toFixed(2));
