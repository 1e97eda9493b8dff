import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { zh } from '../src/i18n/zh';
import { translate, type MessageKey } from '../src/i18n';

/** A half-width bracket, colon, comma, semicolon, ? or ! touching Chinese text. */
const HALF_WIDTH_IN_CHINESE = /[\u4e00-\u9fff“”（）][(),:;?!]|[(),:;?!][\u4e00-\u9fff“”（）]|[\u4e00-\u9fff]\s[(]|[)]\s[\u4e00-\u9fff]/u;

/** Every Chinese message with its placeholders filled as the app fills them (names, numbers). */
function filled(): [MessageKey, string][] {
  const params = new Proxy({}, { get: (_t, k) => (k === 'v' || k === 'n' || k === 'base' || k === 'from' || k === 'to' ? 2 : '客户') }) as Record<string, string | number>;
  return (Object.keys(en) as MessageKey[]).map((k) => [k, translate('zh', k, params)]);
}

describe('the demo in Chinese', () => {
  it('has every message in Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses full-width punctuation inside Chinese text', () => {
    expect(filled().filter(([k, text]) => k !== 'review.publishAtInvalid' && HALF_WIDTH_IN_CHINESE.test(text))).toEqual([]);
  });

  it('names versions as 第 n 版, never as v2', () => {
    expect(filled().filter(([, text]) => /\bv\d/.test(text))).toEqual([]);
    expect(translate('zh', 'change.submitTitle', { v: 2 })).toBe('提交草稿第2版审核');
  });
});

describe('English counts', () => {
  it('say "1 case" and "2 cases", "1 field is hidden" and "3 fields are hidden"', () => {
    expect(translate('en', 'flows.versionLine', { v: 1, running: 0, total: 1 })).toBe('v1 · 0 running · 1 case');
    expect(translate('en', 'flows.versionLine', { v: 1, running: 2, total: 5 })).toBe('v1 · 2 running · 5 cases');
    expect(translate('en', 'task.hiddenFields', { n: 1 })).toBe('1 field of this window is hidden for your role.');
    expect(translate('en', 'task.hiddenFields', { n: 3 })).toBe('3 fields of this window are hidden for your role.');
    // Chinese has no plural: the same text for every count
    expect(translate('zh', 'flows.versionLine', { v: 1, running: 0, total: 1 })).toBe('第1版 · 0 个进行中 · 共 1 个单据');
  });
});
