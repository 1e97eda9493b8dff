/**
 * Texts the engine wrote (refusals, incidents, SLA alerts, history lines) in
 * the UI language: rendered by the runtime's `formatEngineText` from their
 * code and details, roles named from the demo's catalog, times in the
 * browser's zone.
 */
import { formatEngineText, type EngineErrorDetails, type EngineText } from '@crm/flow-runtime';
import type { I18n } from '../i18n';
import { catalog } from './definitions';

/** An engine text in the UI language; `fallback` (the engine's English) when there is none. */
export function engineText(i18n: Pick<I18n, 'locale'>, text: EngineText | undefined, fallback = ''): string {
  return text ? formatEngineText(text, { locale: i18n.locale, catalog }) : fallback;
}

/** A refusal in the UI language from its code and details. */
export function engineError(i18n: Pick<I18n, 'locale'>, code: string, details: EngineErrorDetails): string {
  return formatEngineText(code, details, { locale: i18n.locale, catalog });
}
