export { formatEngineText, isEngineText, textLocale } from './format.js';
export { ENGINE_TEXTS } from './catalog.js';
export type { EngineText, EngineTextArgs, FormatTextOptions, RenderedArgs, TextArg, TextEntry, TextLocale, TextTemplate } from './types.js';
