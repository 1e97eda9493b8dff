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
  /** The user per role: a name that is also the person's id, or a name per language whose English is the id. */
  actors?: Record<string, string | LocalizedText>;
}

/** The id of a scenario's person: the name itself, or the English of a name per language. */
export function personId(person: string | LocalizedText): string {
  return typeof person === 'string' ? person : person.en;
}

/** The people of a scenario named per language, by id, for naming them in the reader's language. */
export function scenarioPeople(scenario: Pick<SimulationScenario, 'actors'> | undefined): Map<string, LocalizedText> {
  const out = new Map<string, LocalizedText>();
  for (const person of Object.values(scenario?.actors ?? {})) if (typeof person !== 'string' && person && typeof person.en === 'string') out.set(person.en, person);
  return out;
}

/** One line of the simulation trace. */
export interface TraceLine {
  seq: number;
  kind: 'step' | 'decision' | 'wait' | 'system' | 'alert' | 'end' | 'error' | 'start';
  nodeId?: string;
  /** In the UI language. */
  text: string;
}
