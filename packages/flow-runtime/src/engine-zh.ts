/**
 * `@crm/flow-runtime/engine/zh`: the engine's texts in Chinese, for hosts of
 * the small `@crm/flow-runtime/engine` entry (whose catalog is English, to
 * keep it small). The root entry `@crm/flow-runtime` knows them already.
 * Importing this module adds them to every text the engine renders in the
 * process (history lines, the Chinese stored with alerts, refusals), as the
 * root entry does; `ENGINE_TEXTS_ZH` can also be passed as `texts`.
 *
 * @example
 * import { createEngine, createMemoryStore, formatEngineText, isEngineError } from '@crm/flow-runtime/engine';
 * import '@crm/flow-runtime/engine/zh';
 *
 * try {
 *   await engine.complete(instanceId, taskId, { actor, data });
 * } catch (err) {
 *   if (isEngineError(err)) showError(formatEngineText(err.code, err.details, { locale: 'zh', catalog }));
 * }
 *
 * @packageDocumentation
 */
import { useEngineTexts } from './engine/texts/format.js';
import { ENGINE_TEXTS_ZH } from './engine/texts/zh.js';

useEngineTexts(ENGINE_TEXTS_ZH);

export { ENGINE_TEXTS_ZH };
