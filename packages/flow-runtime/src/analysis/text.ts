import type { LocalizedText } from '../schema/common.js';
import type { Locale, Text } from './types.js';
import { nearest } from '../schema/collect.js';

/** A message in English and Chinese. */
export function t(en: string, zh: string): Text {
  return { en, zh };
}

/** A localized name in one language, falling back to English. */
export function nameIn(name: LocalizedText | undefined, locale: Locale): string {
  if (!name) return '';
  return locale === 'zh' ? (name.zh ?? name.en) : name.en;
}

/** How messages name a node, edge or other named thing: its name and id. */
export function named(thing: { id: string; name?: LocalizedText | undefined }): Text {
  const en = thing.name ? `'${thing.name.en}' (${thing.id})` : `'${thing.id}'`;
  const zh = thing.name ? `“${thing.name.zh ?? thing.name.en}”（${thing.id}）` : `“${thing.id}”`;
  return { en, zh };
}

/** Joins texts with a separator per language. */
export function joinTexts(items: ReadonlyArray<Text>, sep: Text = { en: ', ', zh: '、' }, limit = 8): Text {
  const shown = items.slice(0, limit);
  const more = items.length - shown.length;
  return {
    en: shown.map((x) => x.en).join(sep.en) + (more > 0 ? ` and ${more} more` : ''),
    zh: shown.map((x) => x.zh).join(sep.zh) + (more > 0 ? `等${items.length}项` : ''),
  };
}

/** Builds a Text from a template function applied in both languages. */
export function both(fn: (locale: Locale) => string): Text {
  return { en: fn('en'), zh: fn('zh') };
}

/** Picks one language of a Text. */
export function pick(text: Text, locale: Locale): string {
  return locale === 'zh' ? text.zh : text.en;
}


/**
 * "Did you mean …" for a near miss among known names (a cheap prefilter keeps
 * it bounded on big sets), in both languages; empty texts when nothing is near.
 */
export function didYouMean(name: string, known: Iterable<string>): Text {
  const near = nearest(name, known);
  return near === undefined ? { en: '', zh: '' } : { en: ` Did you mean '${near}'?`, zh: `是否想写“${near}”？` };
}
