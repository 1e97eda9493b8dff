import type { Draft } from 'immer';
import type { Flow, FlowNode } from '@crm/flow-runtime';
import { DEFAULT_LANE_SIZE } from '../geometry.js';

/** The layout of a draft flow, created when missing. */
export function draftLayout(flow: Draft<Flow>): { nodes: Record<string, { x: number; y: number; width?: number; height?: number }>; lanes: { department: string; size?: number }[] } {
  flow.layout ??= {};
  flow.layout.nodes ??= {};
  flow.layout.lanes ??= [];
  return flow.layout as { nodes: Record<string, { x: number; y: number }>; lanes: { department: string; size?: number }[] };
}

/** Makes sure a lane exists for `department`, appended at the bottom. */
export function ensureLane(flow: Draft<Flow>, department: string | undefined): void {
  if (!department) return;
  const layout = draftLayout(flow);
  if (!layout.lanes.some((l) => l.department === department)) layout.lanes.push({ department, size: DEFAULT_LANE_SIZE });
}

/** Finds a node in a draft flow. */
export function findNode(flow: Draft<Flow>, id: string): Draft<FlowNode> | undefined {
  return flow.nodes.find((n) => n.id === id);
}

/** Sets or deletes (when `value` is undefined) a property of a draft object. */
export function assignOrDelete<T extends object>(target: T, patch: Partial<Record<keyof T, unknown>>): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete (target as Record<string, unknown>)[k];
    else (target as Record<string, unknown>)[k] = v;
  }
}
