/**
 * The engine core (`core.ts`) with its texts in English and Chinese: what the
 * root entry and code inside this package use. The small
 * `@crm/flow-runtime/engine` entry builds on `core.ts` alone, so its catalog
 * is English until a host imports `@crm/flow-runtime/engine/zh`.
 */
import { useEngineTexts } from './texts/format.js';
import { ENGINE_TEXTS_ZH } from './texts/zh.js';

useEngineTexts(ENGINE_TEXTS_ZH);

export * from './core.js';
