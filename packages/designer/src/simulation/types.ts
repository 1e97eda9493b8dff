import type { DataPatch, LocalizedText } from '@crm/flow-runtime';

/**
 * Sample data and choices to simulate with (the format of
 * examples/flows/scenarios/*.scenarios.json): the data the instance starts
 * with, what each step's actor enters (a list: one patch per visit), and the
 * user acting in each role.
 */
export interface SimulationScenario {
  name?: LocalizedText;
  data?: DataPatch;
  choices?: Record<string, DataPatch | DataPatch[]>;
  actors?: Record<string, string>;
}

/** One line of the simulation trace. */
export interface TraceLine {
  seq: number;
  kind: 'step' | 'decision' | 'wait' | 'system' | 'alert' | 'end' | 'error' | 'start';
  nodeId?: string;
  /** In the UI language. */
  text: string;
}
