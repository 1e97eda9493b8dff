export { SimulationPanel, type SimulationPanelProps } from './SimulationPanel.js';
