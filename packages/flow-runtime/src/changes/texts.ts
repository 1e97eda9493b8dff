/**
 * The texts of change control (drafts, reviews, publication), in English and
 * Chinese: its refusals and the phrases they are built from. They are not in
 * the engine's catalog (`ENGINE_TEXTS`), which the small
 * `@crm/flow-runtime/engine` entry ships whole, because only change control
 * (the `@crm/flow-runtime/analysis` entry) writes them. The root entry's
 * `formatEngineText` knows them; with the engine entry's, pass
 * `{ texts: CHANGE_TEXTS }`.
 */
import type { EngineErrorCode, EngineErrorDetails } from '../engine/errors.js';
import { EngineError } from '../engine/errors.js';
import { formatEngineText } from '../engine/texts/format.js';
import type { EngineText, EngineTextArgs, FormatTextOptions, TextEntry } from '../engine/texts/types.js';

/** The change-control entries, by key (render them with `formatEngineText`). */
export const CHANGE_TEXTS: Readonly<Record<string, TextEntry>> = {
  CHANGE_STAGE: { en: 'The version is not at a stage that allows this.', zh: '该版本当前所处阶段不允许此操作。' },
  LINT_ERRORS: { en: 'The version has lint errors, so it cannot be approved.', zh: '该版本存在校验错误，不能批准。' },
  'admin.approve': { en: 'approve a flow change', zh: '批准流程变更' },
  'admin.sendBack': { en: 'send a flow change back', zh: '退回流程变更' },
  'admin.publish': { en: 'publish a flow version', zh: '发布流程版本' },
  'admin.republish': { en: 'republish an earlier flow version', zh: '重新发布较早的流程版本' },
  'NOT_PERMITTED.change': { en: 'Only {roles} may draft or submit a flow change; {actor} is not one.', zh: '只有{roles}可以起草或提交流程变更；{actor}不是。' },
  'NOT_PERMITTED.changeNoActor': { en: 'Only {roles} may draft or submit a flow change, and no one was named as doing it.', zh: '只有{roles}可以起草或提交流程变更，但没有指明操作人。' },
  'SAME_ACTOR.ownChange': {
    en: "{actor} authored version {version} of flow '{flowId}' and may not approve it (separation of duties): another administrator must review it.",
    zh: '{actor}是流程“{flowId}”第 {version} 版的作者，不能批准自己的变更（职责分离），须由另一位管理员审核。',
  },
  'CHANGE_STAGE.stage': {
    en: (a) => (a.has('flowId') ? `Cannot ${a.s.what}: version ${a.s.version} of flow '${a.s.flowId}' is ${a.s.stage}.` : 'The version is not at a stage that allows this.'),
    zh: (a) => (a.has('flowId') ? `无法${a.s.what}：流程“${a.s.flowId}”第 ${a.s.version} 版${a.s.stage}。` : '该版本当前所处阶段不允许此操作。'),
  },
  'change.stage.none': { en: 'not drafted', zh: '尚未起草' },
  'change.stage.draft': { en: 'a draft not yet submitted', zh: '是尚未提交的草稿' },
  'change.stage.submitted': { en: 'submitted and awaiting review', zh: '已提交，正在等待审核' },
  'change.stage.sent-back': { en: 'sent back to its authors', zh: '已退回给作者' },
  'change.stage.approved': { en: 'approved, not yet published', zh: '已批准，尚未发布' },
  'change.stage.scheduled': { en: 'scheduled for publication', zh: '已安排定时发布' },
  'change.stage.published': { en: 'already published', zh: '已经发布' },
  'change.stage.retired': { en: 'retired', zh: '已停用' },
  'change.what.draft': { en: 'change the draft', zh: '修改草稿' },
  'change.what.submit': { en: 'submit it for review', zh: '提交审核' },
  'change.what.approve': { en: 'approve it (only a submitted change is reviewed)', zh: '批准（只能审核已提交的变更）' },
  'change.what.sendBack': { en: 'send it back (only a change under review is sent back)', zh: '退回（只能退回审核中的变更）' },
  'change.what.publish': { en: 'publish it (only an approved version is published)', zh: '发布（只能发布已批准的版本）' },
  'change.what.republish': { en: 'republish it (only a published or retired version is republished)', zh: '重新发布（只能重新发布已发布或已停用的版本）' },
  'change.what.retire': { en: 'retire it (only a published version is retired)', zh: '停用（只能停用已发布的版本）' },
  'LINT_ERRORS.findings': {
    en: "Version {version} of flow '{flowId}' has {count} lint error(s) and cannot be approved:\n{findings}",
    zh: '流程“{flowId}”第 {version} 版有 {count} 个校验错误，不能批准：\n{findings}',
  },
  'INVALID_VALUE.changeNote': { en: 'Describe the change in English and in Chinese: the note is kept with the version.', zh: '请用英文和中文说明变更内容：说明会随版本保存。' },
  'INVALID_VALUE.sendBackReason': { en: 'Say why the change is sent back: the reason goes to its authors and is kept with the version.', zh: '请说明退回原因：原因会告知作者并随版本保存。' },
  'INVALID_VALUE.republishReason': { en: 'Say why the earlier version is republished: the reason is kept with it.', zh: '请说明重新发布较早版本的原因：原因会随版本保存。' },
  'change.publishFailed': { en: 'The scheduled publication could not be made: {why}', zh: '定时发布未能完成：{why}' },
  'INVALID_VALUE.instanceIds': { en: 'Name the cases to move as a list of case ids.', zh: '请以案例编号列表指明要迁移的案例。' },
  'INVALID_VALUE.publishAt': { en: 'The publication time must be a moment a date can hold (milliseconds since the epoch, at most 8.64e15 either way).', zh: '发布时间必须是日期能表示的时间点（自纪元起的毫秒数，前后不超过 8.64e15）。' },
};

/** `options` with the change-control texts under the host's own (`options.texts` wins). */
export function withChangeTexts(options: FormatTextOptions = {}): FormatTextOptions {
  return { ...options, texts: options.texts ? { ...CHANGE_TEXTS, ...options.texts } : CHANGE_TEXTS };
}

/**
 * A change-control refusal: like the engine's `refusal`, its message is the
 * English rendering (times in UTC) and `details.text` keeps the key and
 * arguments, rendered from {@link CHANGE_TEXTS} or the engine's catalog.
 */
export function changeRefusal(code: EngineErrorCode, key: string, args: EngineTextArgs = {}, details: Omit<EngineErrorDetails, 'text'> = {}): EngineError {
  const text: EngineText = { key, args };
  return new EngineError(code, formatEngineText(text, withChangeTexts({ locale: 'en', timeZone: 'UTC' })), { ...details, text });
}
