export { simulate, matchesPath } from './simulate.js';
export { testScenarios, type Coverage, type ScenarioReport } from './coverage.js';
export type { Scenario, SimulateOptions, SimulationResult, TraceActor, TraceStep } from './types.js';
