/// <reference lib="webworker" />
import type { Catalog, Flow } from '@crm/flow-runtime';
import type { Locale } from '../i18n/index.js';
import { checkFlow } from './check-flow.js';

/** Checks large flows off the main thread: receives {id, flow, catalog, locale, flows}, answers {id, result}. */
self.onmessage = (e: MessageEvent<{ id: number; flow: Flow; catalog: Catalog; locale: Locale; flows?: readonly Flow[] }>) => {
  const { id, flow, catalog, locale, flows } = e.data;
  const result = checkFlow(flow, catalog, locale, flows);
  (self as unknown as { postMessage(m: unknown): void }).postMessage({ id, result });
};
