import { useEffect, useRef, useState } from 'react';
import type { Catalog, Flow } from '@crm/flow-runtime';
import type { Locale } from '../i18n/index.js';
import { basicMetrics, checkFlow } from './check-flow.js';
import type { ValidationResult } from './types.js';

/** Flows with more nodes than this are checked in a Web Worker. */
export const WORKER_THRESHOLD = 250;

/** Validation state: the last result and whether a check is under way. */
export interface ValidationState extends ValidationResult {
  checking: boolean;
}

function makeWorker(): Worker | undefined {
  if (typeof Worker === 'undefined' || typeof window === 'undefined' || !('document' in window) || navigator.userAgent.includes('HappyDOM')) return undefined;
  try {
    return new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
}

/**
 * Validates the flow after every change, debounced; large flows are checked
 * off the main thread. Layout-only changes (drags) still re-check, but the
 * debounce keeps that to once per pause. `flows` (the host's other flows)
 * let sub-flow steps be checked.
 */
export function useValidation(flow: Flow, catalog: Catalog | undefined, locale: Locale, delay = 200, flows?: readonly Flow[]): ValidationState {
  const [state, setState] = useState<ValidationState>(() =>
    flow.nodes.length > WORKER_THRESHOLD ? { diagnostics: [], metrics: basicMetrics(flow), checking: true } : { ...checkFlow(flow, catalog, locale, flows), checking: false },
  );
  const worker = useRef<Worker | undefined>(undefined);
  const seq = useRef(0);
  const last = useRef<{ flow: Flow; locale: Locale; flows: readonly Flow[] | undefined }>({ flow, locale, flows });

  useEffect(() => () => worker.current?.terminate(), []);

  useEffect(() => {
    // Positions do not change what the checks find; skip work when only the layout moved.
    const prev = last.current;
    if (prev.locale === locale && prev.flows === flows && prev.flow !== flow && sameExceptLayout(prev.flow, flow)) {
      last.current = { flow, locale, flows };
      return;
    }
    last.current = { flow, locale, flows };
    const id = ++seq.current;
    setState((s) => (s.checking ? s : { ...s, checking: true }));
    const timer = setTimeout(() => {
      if (flow.nodes.length > WORKER_THRESHOLD) {
        worker.current ??= makeWorker();
        const w = worker.current;
        if (w) {
          w.onmessage = (e: MessageEvent<{ id: number; result: ValidationResult }>) => {
            if (e.data.id === seq.current) setState({ ...e.data.result, checking: false });
          };
          w.onerror = () => setState({ diagnostics: [], metrics: basicMetrics(flow), checking: false });
          w.postMessage({ id, flow, catalog, locale, flows });
          return;
        }
      }
      if (id === seq.current) setState({ ...checkFlow(flow, catalog, locale, flows), checking: false });
    }, delay);
    return () => clearTimeout(timer);
  }, [flow, catalog, locale, delay, flows]);

  return state;
}

function sameExceptLayout(a: Flow, b: Flow): boolean {
  for (const k of Object.keys(b) as (keyof Flow)[]) if (k !== 'layout' && a[k] !== b[k]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}
