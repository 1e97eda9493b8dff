import { MarkerType, Position } from '@xyflow/react';
import type { Catalog, Flow, FlowNode } from '@crm/flow-runtime';
import { LANE_HEADER_WIDTH, NODE_SIZE, nodePosition, type LaneBand } from '../document/geometry.js';
import { translator, type Locale } from '../i18n/index.js';
import { describeRule } from './describe-rule.js';
import { laneNodeId, type DesignerRFNode, type DiffMark, type GuardRFEdge, type LaneRFNode, type ProblemCount, type StepRFNode, type StepStatus } from './types.js';

/** Everything the canvas shows besides the flow itself. */
export interface DeriveInput {
  flow: Flow;
  catalog: Catalog | undefined;
  bands: readonly LaneBand[];
  locale: Locale;
  editable: boolean;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  nodeProblems: ReadonlyMap<string, ProblemCount>;
  edgeProblems: ReadonlyMap<string, ProblemCount>;
  /** Steps of other roles are dimmed ("view as role"). */
  viewAsRole: string | undefined;
  status: ReadonlyMap<string, StepStatus> | undefined;
  /** Edges taken (simulation, instance), highlighted. */
  takenEdges: ReadonlySet<string> | undefined;
  diff: ReadonlyMap<string, DiffMark> | undefined;
}

/** A step as a screen reader announces it: its kind in words and its name ("Task: Customer info", "任务：客户信息"). */
function stepLabel(node: FlowNode, locale: Locale): string {
  const t = translator(locale);
  return t('common.about', { label: t(`kind.${node.kind}`), subject: pick(node.name, locale) || node.id });
}

const pick = (t: { en: string; zh?: string } | undefined, locale: Locale) => (t ? (locale === 'zh' ? (t.zh ?? t.en) : t.en) : '');

/** Handles at fixed places, so React Flow never has to measure them (1,000-node flows stay fast). */
function handlesOf(kind: FlowNode['kind']) {
  const { width, height } = NODE_SIZE[kind];
  const s = 14;
  return [
    { id: null, type: 'target' as const, position: Position.Left, x: -s / 2, y: height / 2 - s / 2, width: s, height: s },
    { id: null, type: 'source' as const, position: Position.Right, x: width - s / 2, y: height / 2 - s / 2, width: s, height: s },
  ];
}

/** Remembers derived objects so unchanged steps keep their identity and React Flow skips them. */
export class DeriveCache {
  private nodes = new Map<string, { deps: unknown[]; value: StepRFNode }>();
  private edges = new Map<string, { deps: unknown[]; value: GuardRFEdge }>();

  node(id: string, deps: unknown[], make: () => StepRFNode): StepRFNode {
    const hit = this.nodes.get(id);
    if (hit && sameDeps(hit.deps, deps)) return hit.value;
    const value = make();
    this.nodes.set(id, { deps, value });
    return value;
  }

  edge(id: string, deps: unknown[], make: () => GuardRFEdge): GuardRFEdge {
    const hit = this.edges.get(id);
    if (hit && sameDeps(hit.deps, deps)) return hit.value;
    const value = make();
    this.edges.set(id, { deps, value });
    return value;
  }
}

function sameDeps(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** How far lanes reach past the right-most step. */
const LANE_MARGIN = 160;

/** The width lanes span: past the right-most step, and at least a screen wide. */
export function laneWidth(flow: Flow): number {
  let right = 1200;
  const positions = flow.layout?.nodes ?? {};
  for (const n of flow.nodes) {
    const p = positions[n.id];
    if (p) right = Math.max(right, p.x + NODE_SIZE[n.kind].width + LANE_MARGIN);
  }
  return right;
}

/** React Flow nodes (lanes first, as parents must precede children) derived from the document. */
export function deriveNodes(input: DeriveInput, cache: DeriveCache): DesignerRFNode[] {
  const { flow, catalog, bands, locale } = input;
  const departments = new Map(catalog?.departments.map((d) => [d.id, d]));
  const roles = new Map(catalog?.roles.map((r) => [r.id, r]));
  const windows = new Map(catalog?.windows.map((w) => [w.id, w]));
  const bandOf = new Map(bands.map((b) => [b.department, b]));
  const width = laneWidth(flow);
  const counts = new Map<string, number>();
  for (const n of flow.nodes) if (n.department) counts.set(n.department, (counts.get(n.department) ?? 0) + 1);
  const gatesByNode = new Map<string, string[]>();
  for (const c of flow.controls ?? []) {
    if (c.kind !== 'gate') continue;
    for (const id of c.blocks ?? []) gatesByNode.set(id, [...(gatesByNode.get(id) ?? []), pick(c.name, locale)]);
  }

  const lanes: LaneRFNode[] = bands.map((b, index) => {
    const d = departments.get(b.department);
    return {
      id: laneNodeId(b.department),
      type: 'lane',
      position: { x: 0, y: b.top },
      width,
      height: b.height,
      style: { width, height: b.height },
      measured: { width, height: b.height },
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
      deletable: false,
      zIndex: -1,
      handles: [],
      data: { department: b.department, name: pick(d?.name, locale) || b.department, color: d?.color ?? '#64748b', index, count: bands.length, editable: input.editable, empty: !counts.get(b.department) },
    };
  });

  const steps = flow.nodes.map((node, i): StepRFNode => {
    const pos = flow.layout?.nodes?.[node.id];
    const band = node.department ? bandOf.get(node.department) : undefined;
    const selected = input.selectedNodes.has(node.id);
    const problems = input.nodeProblems.get(node.id);
    const status = input.status?.get(node.id);
    const diff = input.diff?.get(node.id);
    const dimmed = input.viewAsRole !== undefined && !takesPart(node, input.viewAsRole);
    const gates = gatesByNode.get(node.id);
    return cache.node(node.id, [node, pos, band?.top, selected, problems, status, diff, dimmed, gates?.join('|'), locale, input.editable, catalog, i], () => {
      const p = nodePosition(flow, node, i);
      const size = NODE_SIZE[node.kind];
      const win = node.kind === 'task' && node.window ? windows.get(node.window) : undefined;
      return {
        id: node.id,
        type: node.kind,
        position: band ? { x: p.x, y: p.y - band.top } : p,
        ...(band ? { parentId: laneNodeId(band.department) } : {}),
        width: size.width,
        height: size.height,
        measured: size,
        handles: handlesOf(node.kind),
        selected,
        draggable: input.editable,
        connectable: input.editable,
        deletable: input.editable,
        ariaLabel: stepLabel(node, locale),
        data: {
          node,
          color: node.department ? departments.get(node.department)?.color : undefined,
          title: pick(node.name, locale),
          windowName: win ? pick(win.name, locale) : node.kind === 'task' ? node.window : undefined,
          roleNames: node.kind === 'task' || node.kind === 'start' ? (node.roles ?? []).map((r) => pick(roles.get(r)?.name, locale) || r) : [],
          problems,
          gates: gates ?? [],
          dimmed,
          status,
          diff,
          subtitle: node.kind === 'decision' ? pick(node.question, locale) || undefined : node.kind === 'subflow' ? node.flow : node.kind === 'end' ? node.outcome : undefined,
        },
      };
    });
  });
  return [...lanes, ...steps];
}

/**
 * The derived nodes with the steps being dragged where the pointer has them
 * (`dragged`: positions as React Flow reports them, relative to their lane).
 * Every other node keeps its identity, so React Flow re-renders only the
 * steps that move; lanes widen when a step is dragged past their end.
 */
export function placeDragged(nodes: DesignerRFNode[], dragged: ReadonlyMap<string, { x: number; y: number }>): DesignerRFNode[] {
  if (dragged.size === 0) return nodes;
  let right = 0;
  const placed = nodes.map((n) => {
    const p = dragged.get(n.id);
    if (!p || n.type === 'lane') return n;
    right = Math.max(right, p.x + (n.width ?? 0) + LANE_MARGIN);
    return p.x === n.position.x && p.y === n.position.y ? n : ({ ...n, position: p } as StepRFNode);
  });
  return placed.map((n): DesignerRFNode => (n.type === 'lane' && (n.width ?? 0) < right ? { ...(n as LaneRFNode), width: right, style: { ...n.style, width: right }, measured: { width: right, height: n.height ?? 0 } } : n));
}

function takesPart(node: FlowNode, role: string): boolean {
  if (node.kind === 'task') return (node.roles ?? []).includes(role) || node.sla?.escalateTo === role;
  if (node.kind === 'start') return !node.roles || node.roles.includes(role);
  if (node.kind === 'system') return node.alert?.to.includes(role) ?? false;
  return false;
}

/** React Flow edges derived from the document, labelled with their guard in plain language. */
export function deriveEdges(input: DeriveInput, cache: DeriveCache): GuardRFEdge[] {
  const { flow, catalog, locale } = input;
  const deptOf = new Map(flow.nodes.map((n) => [n.id, n.department]));
  const outgoing = new Map<string, number>();
  for (const e of flow.edges) outgoing.set(e.source, (outgoing.get(e.source) ?? 0) + 1);
  const dimmedNodes = input.viewAsRole !== undefined ? new Set(flow.nodes.filter((n) => !takesPart(n, input.viewAsRole!)).map((n) => n.id)) : undefined;
  return flow.edges.map((edge) => {
    const selected = input.selectedEdges.has(edge.id);
    const problems = input.edgeProblems.get(edge.id);
    const highlighted = input.takenEdges?.has(edge.id) ?? false;
    const diff = input.diff?.get(`edge:${edge.id}`);
    const crossesLanes = deptOf.get(edge.source) !== deptOf.get(edge.target);
    const branch = (outgoing.get(edge.source) ?? 0) > 1;
    const dimmed = dimmedNodes ? dimmedNodes.has(edge.source) && dimmedNodes.has(edge.target) : false;
    return cache.edge(edge.id, [edge, selected, problems, highlighted, diff, crossesLanes, branch, dimmed, locale, flow.data, input.editable], () => {
      const guardText = edge.guard !== undefined ? describeRule(edge.guard, flow, catalog, locale) : undefined;
      const label = edge.label ? pick(edge.label, locale) : undefined;
      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: 'guard',
        selected,
        deletable: input.editable,
        zIndex: 0,
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: highlighted ? '#7c3aed' : problems?.error ? '#dc2626' : '#64748b' },
        ariaLabel: `${label ?? guardText ?? 'connection'}: ${edge.source} → ${edge.target}`,
        data: { edge, text: label && guardText ? `${label} · ${guardText}` : (label ?? guardText), guardText, isDefault: edge.default === true, problems, crossesLanes, branch, highlighted, dimmed, diff },
      };
    });
  });
}

export { LANE_HEADER_WIDTH };
