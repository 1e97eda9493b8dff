import type { LocalizedText } from '../../schema/common.js';
import type { Catalog } from '../../schema/catalog.js';
import type { DataChange, DataPatch, FlowEvent, IncidentCode, InstanceStatus } from '../../engine/types.js';
import type { FlowRegistry, Locale } from '../types.js';

/**
 * A conference-room scenario: the data an instance starts with, what people
 * enter at each step, who plays each role, and what should happen.
 * (Format of examples/flows/scenarios/<flow-id>.scenarios.json.)
 */
export interface Scenario {
  name?: LocalizedText | string;
  /** Start data, by variable of the flow's data. */
  data?: DataPatch;
  /** By node id: the patch a task's actor enters, data arriving during a wait, what a sub-flow hands back. A list gives one patch per visit. */
  choices?: Record<string, DataPatch | DataPatch[]>;
  /**
   * The user playing each role: a name that is also the person's id
   * (`"Li Na"`), or a name per language (`{ "en": "Li Na", "zh": "李娜" }`)
   * whose English stays the id, so traces name people in the reader's language.
   */
  actors: Record<string, string | LocalizedText>;
  /** Nodes visited in order (`…` matches any run of nodes) and the end's outcome. */
  expect?: { path?: string[]; outcome?: string };
}

/** Options of {@link simulate}. */
export interface SimulateOptions {
  catalog?: Catalog;
  /** Other flows: sub-flows are stood in for with their data schema. */
  flows?: FlowRegistry;
  /** Clock start (ms). Default 2024-04-08T09:00+08:00. */
  now?: number;
  /** Most actions (task completions, waits, sub-flows) before giving up. Default 500. */
  maxActions?: number;
  /** Language of names and condition texts in the trace. Default English. */
  locale?: Locale;
}

/** Who did a step. */
export interface TraceActor {
  id: string;
  name?: string;
  roles: string[];
}

/** One thing that happened, in order. */
export type TraceStep =
  | { type: 'task'; nodeId: string; name: string; by?: TraceActor; changes: DataChange[] }
  | { type: 'decision'; nodeId: string; name: string; edgeId: string; to: string; label?: string; byDefault: boolean; because: string; values: Record<string, unknown> }
  | { type: 'system'; nodeId: string; name: string; changes: DataChange[] }
  | { type: 'wait'; nodeId: string; name: string; ended: 'condition' | 'timer'; changes: DataChange[] }
  | { type: 'subflow'; nodeId: string; name: string; flowId: string; outcome?: string; changes: DataChange[] }
  | { type: 'parallel'; nodeId: string; name: string; branches: string[] }
  | { type: 'join'; nodeId: string; name: string }
  | { type: 'alert'; message: string; to: string[]; source: string }
  | { type: 'incident'; nodeId?: string; code: IncidentCode; message: string }
  | { type: 'refused'; nodeId?: string; code: string; message: string }
  | { type: 'end'; nodeId: string; name: string; outcome?: string };

/** What a simulation found. */
export interface SimulationResult {
  scenario: string;
  /** Finished (completed) and, when the scenario says what to expect, as expected. */
  ok: boolean;
  status: InstanceStatus | 'refused' | 'stuck';
  outcome?: string;
  /** Nodes entered, in order. */
  path: string[];
  /** Connections followed (for path coverage). */
  edgeIds: string[];
  trace: TraceStep[];
  /** Why it is not ok, in words. */
  failures: string[];
  /** The raw event log of the instance. */
  events: FlowEvent[];
}
