import { describe, type Catalog, type Flow } from '@crm/flow-runtime';
import type { Locale } from '../i18n/index.js';

/**
 * A JsonLogic rule in plain language ("credit used is at least 90% of the
 * credit limit"), rendered by the runtime's `describe` with the flow's data
 * schema and the catalog's field names. A rule it cannot read falls back to
 * compact JSON rather than breaking the canvas.
 */
export function describeRule(rule: unknown, flow: Flow, catalog: Catalog | undefined, locale: Locale): string {
  try {
    return describe(rule, catalog, locale, flow);
  } catch {
    return JSON.stringify(rule);
  }
}
