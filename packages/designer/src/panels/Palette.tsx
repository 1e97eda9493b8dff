import type { DragEvent, KeyboardEvent } from 'react';
import type { NodeKind } from '@crm/flow-runtime';
import { PALETTE_MIME } from '../canvas/FlowCanvas.js';
import { Icon } from '../canvas/icons.js';
import { placementFor } from '../canvas/placement.js';
import { addNode, connectNodes, moveNodes } from '../document/commands/index.js';
import { compose } from '../document/compose.js';
import { uniqueId } from '../document/ids.js';
import { useDesigner } from '../designer/context.js';
import { select } from '../designer/ui-state.js';
import { useI18n } from '../i18n/index.js';

const KINDS: NodeKind[] = ['start', 'task', 'decision', 'parallel', 'join', 'wait', 'system', 'subflow', 'end'];

/**
 * The step palette: drag a kind onto a lane, or click it (or focus it and
 * press Enter) to add it after the selected step (connected to it), in the
 * lane of the selected steps, or at the end of the first lane; always on a free spot.
 */
export function Palette() {
  const { t } = useI18n();
  const { store, ui, catalog } = useDesigner();

  const add = (kind: NodeKind) => {
    const flow = store.getSnapshot().flow;
    const selected = [...ui.get().selectedNodes];
    const after = selected.length === 1 ? selected[0] : undefined;
    // Several steps selected in one lane: the new step goes to that lane.
    const lanes = new Set(flow.nodes.filter((n) => ui.get().selectedNodes.has(n.id)).map((n) => n.department));
    const lane = lanes.size === 1 ? [...lanes][0] : undefined;
    const place = placementFor(flow, catalog, kind, after, lane);
    const id = uniqueId(flow, kind);
    const added = addNode({ kind, id, position: { x: place.x, y: place.y }, ...(place.department ? { department: place.department } : {}) });
    // Adding after the selected step connects it too (and moves the steps in its way), in the same undo step.
    const room = Object.keys(place.makeRoom).length ? [moveNodes(place.makeRoom)] : [];
    store.run(after ? compose(added.name, ...room, added, connectNodes({ source: after, target: id })) : added);
    select(ui, [id]);
    // Keyboard users see what they added.
    ui.set({ focusRequest: { nodeId: id, at: Date.now() } });
  };

  const onDragStart = (kind: NodeKind) => (e: DragEvent) => {
    e.dataTransfer.setData(PALETTE_MIME, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };

  const onKeyDown = (kind: NodeKind) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      add(kind);
    }
  };

  return (
    <nav className="cfd-palette" aria-label={t('palette.title')}>
      <div className="cfd-panel-title">{t('palette.title')}</div>
      {/* The hint sits under the title so a short window (1280×800) never scrolls it out of view. */}
      <p className="cfd-palette-hint">{t('palette.hint')}</p>
      <ul role="list">
        {KINDS.map((kind) => (
          <li key={kind}>
            <div
              role="button"
              tabIndex={0}
              className={`cfd-palette-item kind-${kind}`}
              draggable
              onDragStart={onDragStart(kind)}
              onKeyDown={onKeyDown(kind)}
              onClick={() => add(kind)}
              aria-label={t(`kind.${kind}`)}
              data-testid={`palette-${kind}`}
              title={t('palette.hint')}
            >
              <span className={`cfd-palette-icon kind-${kind}`}>
                <Icon name={kind} size={16} />
              </span>
              <span>{t(`kind.${kind}`)}</span>
            </div>
          </li>
        ))}
      </ul>
    </nav>
  );
}
