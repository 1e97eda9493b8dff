import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnNodeDrag,
  type SelectionDragHandler,
  type XYPosition,
} from '@xyflow/react';
import type { Flow, NodeKind } from '@crm/flow-runtime';
import { addNode, connectNodes, moveNodes, type NodeMove } from '../document/commands/index.js';
import { GRID, NODE_SIZE, laneAt, laneBands, snap } from '../document/geometry.js';
import { useDesigner } from '../designer/context.js';
import { useStateStore } from '../designer/state-store.js';
import { select } from '../designer/ui-state.js';
import { useI18n } from '../i18n/index.js';
import { DeriveCache, deriveEdges, deriveNodes, placeDragged } from './derive.js';
import { edgeTypes } from './edges/GuardEdge.js';
import { derivedBounds, type ReadableFit } from './fit.js';
import { FlowMiniMap } from './FlowMiniMap.js';
import { FrameButton, useReadableFrame } from './readable-frame.js';
import { freeSpot } from './placement.js';
import { nodeTypes } from './nodes/index.js';
import { isLaneId, type DesignerRFNode, type DiffMark, type GuardRFEdge, type ProblemCount, type StepStatus } from './types.js';

/** MIME type of palette drags. */
export const PALETTE_MIME = 'application/x-crm-flow-kind';

/** What the canvas shows on top of the flow. */
export interface CanvasOverlay {
  nodeProblems?: ReadonlyMap<string, ProblemCount>;
  edgeProblems?: ReadonlyMap<string, ProblemCount>;
  status?: ReadonlyMap<string, StepStatus>;
  takenEdges?: ReadonlySet<string>;
  diff?: ReadonlyMap<string, DiffMark>;
}

const EMPTY_MAP = new Map<string, ProblemCount>();
const NOT_DRAGGING: ReadonlyMap<string, XYPosition> = new Map();

// Props React Flow copies into its store whenever their identity changes: each copy re-runs every node's, edge's
// and minimap node's store selector, so they are made once here rather than on every render (every drag frame).
const SNAP_GRID: [number, number] = [GRID, GRID];
const MULTI_SELECTION_KEYS = ['Meta', 'Control'];
const DEFAULT_EDGE_OPTIONS = { type: 'guard' };
const isValidConnection = (c: Connection | GuardRFEdge) => c.source !== c.target && !isLaneId(c.source) && !isLaneId(c.target);

/** React Flow's own screen-reader texts in Chinese. */
const ZH_ARIA = {
  'node.a11yDescription.default': '按回车或空格选中步骤；按 Delete 删除，按 Esc 取消。',
  'node.a11yDescription.keyboardDisabled': '按回车或空格选中步骤，再用方向键移动；按 Delete 删除，按 Esc 取消。',
  'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) => `已向${direction}移动所选步骤，新位置 x: ${x}，y: ${y}`,
  'edge.a11yDescription.default': '按回车或空格选中连线；按 Delete 删除，按 Esc 取消。',
  'controls.ariaLabel': '画布控制',
  'controls.zoomIn.ariaLabel': '放大',
  'controls.zoomOut.ariaLabel': '缩小',
  'controls.fitView.ariaLabel': '适应画布',
  'controls.interactive.ariaLabel': '切换交互',
  'minimap.ariaLabel': '缩略图',
  'handle.ariaLabel': '连接点',
};

/** Props of {@link FlowCanvas}. */
export interface FlowCanvasProps {
  flow: Flow;
  overlay?: CanvasOverlay;
  fitOnOpen?: boolean;
  /** Show the minimap: always, never, or (`auto`, the default) while part of the flow is out of view. */
  minimap?: boolean | 'auto';
  /**
   * Frame the flow for reading rather than fitting it whole: never below
   * `minZoom`, anchored at the start when it does not fit. Re-framed when the
   * pane resizes and by the fit button.
   */
  readable?: ReadableFit;
  /** When a `readable` canvas frames: on open and whenever its pane resizes (default), or on open only (and on a fit request). */
  framing?: 'resize' | 'open';
}

/**
 * The React Flow canvas of a designer or viewer. Nodes and edges are derived
 * from the document on every change; user gestures become commands.
 */
export function FlowCanvas({ flow, overlay = {}, fitOnOpen = true, minimap = 'auto', readable, framing = 'resize' }: FlowCanvasProps) {
  const { store, ui, catalog, editable } = useDesigner();
  const { locale, t } = useI18n();
  const rf = useReactFlow<DesignerRFNode, GuardRFEdge>();
  const selectedNodes = useStateStore(ui, (s) => s.selectedNodes);
  const selectedEdges = useStateStore(ui, (s) => s.selectedEdges);
  const viewAsRole = useStateStore(ui, (s) => s.viewAsRole);
  const focusRequest = useStateStore(ui, (s) => s.focusRequest);
  const fitRequest = useStateStore(ui, (s) => s.fitRequest);
  const cache = useRef(new DeriveCache());

  const bands = useMemo(() => laneBands(flow, catalog), [flow.layout?.lanes, flow.nodes, catalog]);
  const input = {
    flow,
    catalog,
    bands,
    locale,
    editable,
    selectedNodes,
    selectedEdges,
    nodeProblems: overlay.nodeProblems ?? EMPTY_MAP,
    edgeProblems: overlay.edgeProblems ?? EMPTY_MAP,
    viewAsRole,
    status: overlay.status,
    takenEdges: overlay.takenEdges,
    diff: overlay.diff,
  };
  const derived = useMemo(() => deriveNodes(input, cache.current), [flow, catalog, bands, locale, editable, selectedNodes, overlay.nodeProblems, viewAsRole, overlay.status, overlay.diff]);
  // Steps being dragged stand where the pointer has them until the drop; the document changes once, when the drag ends
  // (one undo step, one check, one save), so a drag frame renders only the canvas and the steps that moved.
  const dragRef = useRef<ReadonlyMap<string, XYPosition>>(NOT_DRAGGING);
  const [dragged, setDragged] = useState<ReadonlyMap<string, XYPosition>>(NOT_DRAGGING);
  const nodes = useMemo(() => placeDragged(derived, dragged), [derived, dragged]);
  const drag = useCallback((next: ReadonlyMap<string, XYPosition>) => {
    dragRef.current = next;
    setDragged(next);
  }, []);
  const edges = useMemo(() => deriveEdges(input, cache.current), [flow, catalog, locale, editable, selectedEdges, overlay.edgeProblems, viewAsRole, overlay.takenEdges, overlay.diff]);

  const topOf = useCallback((parentId: string | undefined) => (parentId ? (bands.find((b) => `lane:${b.department}` === parentId)?.top ?? 0) : 0), [bands]);

  const onNodesChange = useCallback(
    (changes: NodeChange<DesignerRFNode>[]) => {
      const moves: Record<string, NodeMove> = {};
      let moving: Map<string, XYPosition> | undefined;
      let selection: Set<string> | undefined;
      for (const c of changes) {
        if (c.type === 'position' && c.position && !isLaneId(c.id)) {
          if (c.dragging === true) {
            (moving ??= new Map(dragRef.current)).set(c.id, c.position);
            continue;
          }
          const parent = rf.getInternalNode(c.id)?.parentId;
          moves[c.id] = { x: c.position.x, y: c.position.y + topOf(parent) };
        } else if (c.type === 'select' && !isLaneId(c.id)) {
          selection ??= new Set(ui.get().selectedNodes);
          if (c.selected) selection.add(c.id);
          else selection.delete(c.id);
        }
      }
      if (selection) ui.set({ selectedNodes: selection, selectedControl: undefined });
      if (!editable) return;
      if (moving) drag(moving);
      const ids = Object.keys(moves);
      if (ids.length > 0) {
        // The drop (or a keyboard move): into the document, in the lane the step now stands in.
        for (const [id, m] of Object.entries(moves)) m.department = departmentAt(id, m);
        store.run(moveNodes(moves));
        if (ids.some((id) => dragRef.current.has(id))) {
          const rest = new Map(dragRef.current);
          for (const id of ids) rest.delete(id);
          drag(rest.size > 0 ? rest : NOT_DRAGGING);
        }
      }
    },
    [rf, ui, store, editable, topOf, drag],
  );

  function departmentAt(id: string, m: { x: number; y: number }): string | null {
    const node = store.getSnapshot().flow.nodes.find((n) => n.id === id);
    const h = node ? NODE_SIZE[node.kind].height : 0;
    return laneAt(bands, m.y + h / 2)?.department ?? null;
  }

  const onNodeDragStop: OnNodeDrag<DesignerRFNode> = useCallback(
    (_e, _node, dragged: Node[]) => {
      if (!editable) return;
      const moves: Record<string, NodeMove> = {};
      for (const n of dragged) {
        if (isLaneId(n.id)) continue;
        const m = { x: snap(n.position.x), y: snap(n.position.y + topOf(n.parentId)) };
        moves[n.id] = { ...m, department: departmentAt(n.id, m) };
      }
      store.run(moveNodes(moves));
      if (dragRef.current.size > 0) drag(NOT_DRAGGING);
    },
    [store, editable, topOf, drag],
  );

  const onSelectionDragStop: SelectionDragHandler<DesignerRFNode> = useCallback((e, dragged) => onNodeDragStop(e.nativeEvent, dragged[0]!, dragged), [onNodeDragStop]);

  const onEdgesChange = useCallback(
    (changes: EdgeChange<GuardRFEdge>[]) => {
      let selection: Set<string> | undefined;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        selection ??= new Set(ui.get().selectedEdges);
        if (c.selected) selection.add(c.id);
        else selection.delete(c.id);
      }
      if (selection) ui.set({ selectedEdges: selection });
    },
    [ui],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!editable || !c.source || !c.target) return;
      const before = new Set(store.getSnapshot().flow.edges.map((e) => e.id));
      store.run(connectNodes({ source: c.source, target: c.target }));
      const added = store.getSnapshot().flow.edges.find((e) => !before.has(e.id));
      if (added) select(ui, [], [added.id]);
    },
    [store, ui, editable],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!editable || !e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, [editable]);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as NodeKind;
      if (!editable || !kind || !(kind in NODE_SIZE)) return;
      e.preventDefault();
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const size = NODE_SIZE[kind];
      const lane = laneAt(bands, p.y);
      // Dropped on another step: the nearest free spot instead, so steps never overlap.
      const position = freeSpot(store.getSnapshot().flow, kind, { x: snap(p.x - size.width / 2), y: snap(p.y - size.height / 2) });
      const before = new Set(store.getSnapshot().flow.nodes.map((n) => n.id));
      store.run(addNode({ kind, position, ...(lane ? { department: lane.department } : {}) }));
      const added = store.getSnapshot().flow.nodes.find((n) => !before.has(n.id));
      if (added) select(ui, [added.id]);
    },
    [rf, bands, store, ui, editable],
  );

  const onPaneClick = useCallback(() => select(ui), [ui]);

  useEffect(() => {
    if (!focusRequest) return;
    const n = rf.getInternalNode(focusRequest.nodeId);
    if (!n) return;
    const w = n.measured.width ?? 0;
    const h = n.measured.height ?? 0;
    void rf.setCenter(n.internals.positionAbsolute.x + w / 2, n.internals.positionAbsolute.y + h / 2, { zoom: focusRequest.zoomIn ? Math.max(rf.getZoom(), 0.9) : rf.getZoom(), duration: 200 });
  }, [focusRequest, rf]);

  const frame = useReadableFrame(derived, readable, framing === 'open');
  // A new or re-laid-out flow is framed for reading too when the canvas reads (never a fit-all at 30 %).
  useEffect(() => {
    if (fitRequest) requestAnimationFrame(() => (readable ? frame() : void rf.fitView({ padding: 0.1, maxZoom: 1, duration: 200 })));
  }, [fitRequest, rf]);
  const bounds = useMemo(() => derivedBounds(derived), [derived]);

  const large = flow.nodes.length > 300;
  // A large flow opens on its beginning at a readable zoom rather than as a speck: fit the steps near the start.
  const [fitOptions] = useState(() => {
    if (!large) return { padding: 0.1, maxZoom: 1 };
    const pos = flow.layout?.nodes ?? {};
    const start = flow.nodes.find((n) => n.kind === 'start') ?? flow.nodes[0]!;
    const origin = pos[start.id] ?? { x: 0, y: 0 };
    const near = flow.nodes.filter((n) => pos[n.id] && pos[n.id]!.x - origin.x < 1400).slice(0, 80);
    return { padding: 0.05, maxZoom: 1, minZoom: 0.5, nodes: near.map((n) => ({ id: n.id })) };
  });

  return (
    <div className="cfd-canvas" aria-label={t('canvas.label')} role="region" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<DesignerRFNode, GuardRFEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onSelectionDragStop={onSelectionDragStop}
        onConnect={onConnect}
        onPaneClick={onPaneClick}
        isValidConnection={isValidConnection}
        nodesDraggable={editable}
        nodesConnectable={editable}
        elementsSelectable
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        snapToGrid
        snapGrid={SNAP_GRID}
        connectionLineType={ConnectionLineType.SmoothStep}
        fitView={fitOnOpen && !readable}
        fitViewOptions={fitOptions}
        minZoom={0.1}
        maxZoom={2}
        onlyRenderVisibleElements={large}
        elevateNodesOnSelect={false}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        {...(locale === 'zh' ? { ariaLabelConfig: ZH_ARIA } : {})}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} color="#cbd5e1" />
        <FlowMiniMap mode={minimap} bounds={bounds} />
        <Controls showInteractive={false} showFitView={!readable || framing === 'open'} fitViewOptions={{ padding: 0.1, maxZoom: 1, duration: 200 }}>
          {readable ? <FrameButton onClick={frame} label={t('canvas.frame')} /> : null}
        </Controls>
      </ReactFlow>
      {flow.nodes.length === 0 ? <div className="cfd-canvas-empty">{t('canvas.empty')}</div> : null}
    </div>
  );
}
