import type { Flow } from '@crm/flow-runtime';
import { removeElements } from '../../document/commands/index.js';
import { useDesigner } from '../../designer/context.js';
import { useStateStore } from '../../designer/state-store.js';
import { select } from '../../designer/ui-state.js';
import { useI18n } from '../../i18n/index.js';
import { Icon } from '../../canvas/icons.js';
import { EdgeInspector } from './EdgeInspector.js';
import { FlowInspector } from './FlowInspector.js';
import { NodeInspector } from './NodeInspector.js';

/** The right-hand panel: what is selected (a step, a connection, several) or else the flow. */
export function Inspector({ flow }: { flow: Flow }) {
  const { t } = useI18n();
  const { ui, store, editable } = useDesigner();
  const nodes = useStateStore(ui, (s) => s.selectedNodes);
  const edges = useStateStore(ui, (s) => s.selectedEdges);
  const node = nodes.size === 1 && edges.size === 0 ? flow.nodes.find((n) => nodes.has(n.id)) : undefined;
  const edge = nodes.size === 0 && edges.size === 1 ? flow.edges.find((e) => edges.has(e.id)) : undefined;
  const many = nodes.size + edges.size > 1;
  const heading = node ? t('inspector.node') : edge ? t('inspector.edge') : many ? t('inspector.multi', { count: nodes.size + edges.size }) : t('inspector.flow');
  return (
    <aside className="cfd-inspector" aria-label={t('inspector.title')}>
      <div className="cfd-panel-title">{heading}</div>
      {node ? <NodeInspector key={node.id} node={node} flow={flow} /> : null}
      {edge ? <EdgeInspector key={edge.id} edge={edge} flow={flow} /> : null}
      {many ? (
        <div className="cfd-inspector-body">
          {editable ? (
            <button
              type="button"
              className="cfd-btn cfd-btn-danger"
              onClick={() => {
                store.run(removeElements({ nodeIds: [...nodes], edgeIds: [...edges] }));
                select(ui);
              }}
            >
              <Icon name="trash" size={14} /> {t('inspector.delete')}
            </button>
          ) : null}
        </div>
      ) : null}
      {!node && !edge && !many ? <FlowInspector flow={flow} /> : null}
    </aside>
  );
}
