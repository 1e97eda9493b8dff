export { formatEngineText, isEngineText, textLocale, useEngineTexts } from './format.js';
export { ENGINE_TEXTS } from './catalog.js';
export type { EngineText, EngineTextArgs, FormatTextOptions, RenderedArgs, TextArg, TextEntry, CatalogEntry, TextLocale, TextTemplate } from './types.js';
