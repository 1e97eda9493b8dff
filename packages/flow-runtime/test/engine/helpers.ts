// A test engine: memory store (or another), a clock the test moves, counting ids.
import { createEngine } from '../../src/engine/engine.js';
import { isEngineError, type EngineErrorCode } from '../../src/engine/errors.js';
import type { Engine } from '../../src/engine/types.js';
import type { Flow } from '../../src/schema/flow.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import type { FlowStore } from '../../src/stores/types.js';
import { catalog } from './fixtures.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

export const T0 = Date.parse('2026-03-02T09:00:00Z');
export const HOUR = 3_600_000;

export interface TestEngine {
  engine: Engine;
  store: FlowStore;
  clock: { now(): number; set(t: number): void; advance(ms: number): void };
}

export async function testEngine(flows: Flow[] = [], store: FlowStore = createMemoryStore()): Promise<TestEngine> {
  let now = T0;
  let n = 0;
  const clock = { now: () => now, set: (t: number) => void (now = t), advance: (ms: number) => void (now += ms) };
  const engine = createEngine({ store, catalog, clock, ids: () => `inst-${++n}` });
  for (const f of flows) await engine.deploy(f, { actor: DEPLOYER });
  return { engine, store, clock };
}

/** The error code a promise rejects with (fails the test when it resolves). */
export async function refusal(p: Promise<unknown>): Promise<{ code: EngineErrorCode; message: string; fields?: string[] }> {
  try {
    await p;
  } catch (e) {
    if (isEngineError(e)) return { code: e.code, message: e.message, ...(e.details.fields ? { fields: e.details.fields } : {}) };
    throw e;
  }
  throw new Error('expected the command to be refused, but it succeeded');
}
