import { memo, useCallback, type PointerEvent } from 'react';
import { useStore, type NodeProps } from '@xyflow/react';
import { moveLane, removeLane, resizeLane } from '../../document/commands/index.js';
import { LANE_HEADER_WIDTH } from '../../document/geometry.js';
import { useDesigner } from '../../designer/context.js';
import { useI18n } from '../../i18n/index.js';
import { Icon } from '../icons.js';
import type { LaneRFNode } from '../types.js';

/** A department's swimlane: a coloured band with its name; reorder with the arrows, resize by the bottom edge. */
export const LaneNode = memo(function LaneNode({ data, height }: NodeProps<LaneRFNode>) {
  const { t } = useI18n();
  const { store, catalog } = useDesigner();
  const zoom = useStore((s) => s.transform[2]);

  const onResizeStart = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      e.stopPropagation();
      const el = e.currentTarget;
      el.setPointerCapture(e.pointerId);
      const startY = e.clientY;
      const startSize = height ?? 200;
      const move = (ev: globalThis.PointerEvent) => {
        const size = Math.round((startSize + (ev.clientY - startY) / zoom) / 10) * 10;
        store.run(resizeLane(data.department, size, catalog), { capture: 'eventually', key: `lane-size:${data.department}` });
      };
      const up = () => {
        el.removeEventListener('pointermove', move);
        el.removeEventListener('pointerup', up);
        store.flush();
      };
      el.addEventListener('pointermove', move);
      el.addEventListener('pointerup', up);
    },
    [store, catalog, data.department, height, zoom],
  );

  return (
    <div className="cfd-lane" style={{ ['--lane-color' as string]: data.color }} data-testid={`lane-${data.department}`} aria-label={data.name} role="group">
      <div className="cfd-lane-header" style={{ width: LANE_HEADER_WIDTH }} title={data.name}>
        <span className="cfd-lane-name">{data.name}</span>
        {data.editable ? (
          <div className="cfd-lane-tools nodrag nopan">
            <button type="button" className="cfd-icon-btn" aria-label={t('common.about', { label: t('lane.moveUp'), subject: data.name })} title={t('lane.moveUp')} disabled={data.index === 0} onClick={() => store.run(moveLane(data.department, data.index - 1, catalog))}>
              <Icon name="up" size={12} />
            </button>
            <button type="button" className="cfd-icon-btn" aria-label={t('common.about', { label: t('lane.moveDown'), subject: data.name })} title={t('lane.moveDown')} disabled={data.index === data.count - 1} onClick={() => store.run(moveLane(data.department, data.index + 1, catalog))}>
              <Icon name="down" size={12} />
            </button>
            {data.empty ? (
              <button type="button" className="cfd-icon-btn" aria-label={t('common.about', { label: t('lane.remove'), subject: data.name })} title={t('lane.remove')} onClick={() => store.run(removeLane(data.department, catalog))}>
                <Icon name="close" size={12} />
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {data.editable ? <div className="cfd-lane-resize nodrag nopan" onPointerDown={onResizeStart} aria-hidden="true" /> : null}
    </div>
  );
});
