import type { FlowDesignerProps } from '../../designer/FlowDesigner.js';

/** Placeholder until the simulation panel lands. */
export function useSimulationSlot(_options: { flows: readonly unknown[]; scenarios: readonly unknown[] }): FlowDesignerProps['renderSimulation'] {
  return undefined;
}
export function SimulationPanel() {
  return null;
}
