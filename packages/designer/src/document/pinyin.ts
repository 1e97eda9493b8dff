/**
 * Chinese → pinyin for ids made from names, loaded only when a name needs it
 * (the dictionary is large, so it is its own chunk and never in the
 * designer's first load).
 */
import type { Romanize } from './new-flow.js';

/** Text with Chinese characters. */
export const HAS_HAN = /\p{Script=Han}/u;

let loading: Promise<Romanize> | undefined;

/** Loads the pinyin romanizer once: "退货退款" → "tui huo tui kuan" (no tones). */
export function loadPinyin(): Promise<Romanize> {
  loading ??= import('pinyin-pro').then(({ pinyin }) => (text: string) => pinyin(text, { toneType: 'none', nonZh: 'consecutive', v: true }));
  return loading;
}
