/**
 * The engine core (`core.ts`) with its texts in English and Chinese: what the
 * root entry and code inside this package use. The small
 * `@crm/flow-runtime/engine` entry builds on `core.ts` alone, so its catalog
 * is English until a host imports `@crm/flow-runtime/engine/zh`, and it runs
 * patterns on values of any length (it trusts validated catalogs).
 */
import { patternSafeLength } from '../schema/pattern-cost.js';
import { usePatternLimit } from './constraints.js';
import { useEngineTexts } from './texts/format.js';
import { ENGINE_TEXTS_ZH } from './texts/zh.js';

useEngineTexts(ENGINE_TEXTS_ZH);
// A pattern runs only on values short enough for its cost (a definition stored before validate refused
// slow patterns, or never validated, cannot hold the engine on a long text).
usePatternLimit(patternSafeLength);

export * from './core.js';
