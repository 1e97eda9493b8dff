/// <reference lib="webworker" />
import type { Catalog, Flow } from '@crm/flow-runtime';
import type { Locale } from '../i18n/index.js';
import { checkFlow } from './check-flow.js';

/** Checks large flows off the main thread: receives {id, flow, catalog, locale}, answers {id, result}. */
self.onmessage = (e: MessageEvent<{ id: number; flow: Flow; catalog: Catalog; locale: Locale }>) => {
  const { id, flow, catalog, locale } = e.data;
  const result = checkFlow(flow, catalog, locale);
  (self as unknown as { postMessage(m: unknown): void }).postMessage({ id, result });
};
