/**
 * The root entry's `formatEngineText`: the engine's own, knowing also the
 * engine's texts in Chinese, the texts of change control ({@link CHANGE_TEXTS}) and every definition
 * problem in Chinese ({@link PROBLEM_TEXTS}), so a host renders any refusal
 * the runtime writes — wherever it was made — from the root entry.
 */
import type { EngineErrorDetails } from './engine/errors.js';
import { formatEngineText as formatWith, useEngineTexts } from './engine/texts/format.js';
import { ENGINE_TEXTS as ENGLISH } from './engine/texts/catalog.js';
import { PROBLEM_TEXTS } from './engine/texts/problems.js';
import type { EngineText, EngineTextArgs, FormatTextOptions, TextEntry } from './engine/texts/types.js';
import { ENGINE_TEXTS_ZH } from './engine/texts/zh.js';
import { CHANGE_TEXTS } from './changes/texts.js';

export { CHANGE_TEXTS, PROBLEM_TEXTS, ENGINE_TEXTS_ZH };

/**
 * The built-in entries, by key, each in English and Chinese: refusals,
 * incidents, alerts and history lines the engine writes. (The `/engine`
 * entry's `ENGINE_TEXTS` has the English only.)
 */
export const ENGINE_TEXTS: Readonly<Record<string, TextEntry>> = Object.fromEntries(
  Object.entries(ENGLISH).map(([key, e]) => [key, { en: e.en, zh: ENGINE_TEXTS_ZH[key]?.zh ?? e.en }]),
);

// The engine's Chinese, for everything it renders. `src/engine/engine.ts` adds it too, but a host's
// bundler drops that module when the host imports only `formatEngineText` from the root.
useEngineTexts(ENGINE_TEXTS_ZH);

/** The texts the root entry knows beyond the engine's catalog; a host's own (`options.texts`) win. */
const ROOT_TEXTS = { ...CHANGE_TEXTS, ...PROBLEM_TEXTS };
const withRootTexts = (options: FormatTextOptions = {}): FormatTextOptions => ({ ...options, texts: options.texts ? { ...ROOT_TEXTS, ...options.texts } : ROOT_TEXTS });

/**
 * Renders an engine text in the reader's language and time zone: steps and
 * fields by their names, roles by their catalog names, times in the reader's
 * zone (never raw ISO).
 *
 * Call it with an {@link EngineText} (`error.details.text`, `event.text`,
 * `entry.text`), or with a key and its arguments — or with an error's code
 * and details (`formatEngineText(e.code, e.details, { locale: 'zh' })`),
 * which renders the error's own text, or the code's general meaning when it
 * carries none. Knows every engine text in both languages, the
 * change-control texts and every definition problem's Chinese;
 * `options.texts` adds or replaces entries.
 *
 * @example
 * formatEngineText(err.code, err.details, { locale: 'zh', timeZone: 'Asia/Shanghai', catalog });
 * // → '只有财务可以处理“信用审核”（你的角色是销售代表）。'
 */
export function formatEngineText(text: EngineText, options?: FormatTextOptions): string;
export function formatEngineText(key: string, args?: EngineTextArgs | EngineErrorDetails, options?: FormatTextOptions): string;
export function formatEngineText(a: string | EngineText, b?: EngineTextArgs | EngineErrorDetails | FormatTextOptions, c?: FormatTextOptions): string {
  return typeof a === 'string' ? formatWith(a, b as EngineTextArgs | EngineErrorDetails | undefined, withRootTexts(c)) : formatWith(a, withRootTexts(b as FormatTextOptions | undefined));
}
