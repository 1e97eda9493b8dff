import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, getStraightPath, type EdgeProps } from '@xyflow/react';
import { useI18n } from '../../i18n/index.js';
import type { GuardRFEdge } from '../types.js';
import { labelPlacement } from './label-placement.js';

/** A connection drawn as a rounded step path, labelled with its guard in plain language; the default edge is marked. */
export const GuardEdge = memo(function GuardEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<GuardRFEdge>) {
  const { t } = useI18n();
  // Steps of different heights side by side sit a few pixels apart: a straight line reads better than a tiny zig-zag.
  const nearlyLevel = Math.abs(sourceY - targetY) < 10 && targetX > sourceX;
  const [path, labelX, labelY] = nearlyLevel
    ? getStraightPath({ sourceX, sourceY, targetX, targetY })
    : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10, offset: 24 });
  const placement = labelPlacement({ sourceX, targetX, targetY, labelX, labelY, branch: data?.branch ?? false });
  const text = data?.text;
  // Shown whole, wrapped onto lines within the label's width (never cut to "Over …").
  const shown = text;
  const cls = [
    'cfd-edge',
    selected ? 'is-selected' : '',
    data?.highlighted ? 'is-taken' : '',
    data?.dimmed ? 'is-dimmed' : '',
    data?.crossesLanes ? 'crosses-lanes' : '',
    data?.problems?.error ? 'has-error' : data?.problems?.warning ? 'has-warning' : '',
    data?.diff ? `diff-${data.diff}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const title = [data?.edge.label?.en, data?.guardText ? t('edge.guarded', { rule: data.guardText }) : undefined, data?.isDefault ? t('edge.default') : undefined].filter(Boolean).join(' — ');
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={cls} interactionWidth={16} />
      {shown || data?.isDefault ? (
        <EdgeLabelRenderer>
          <div
            className={`cfd-edge-label nodrag nopan ${cls}`}
            style={placement}
            title={title}
            data-testid={`edge-label-${id}`}
          >
            {data?.isDefault ? <span className="cfd-default-mark">{t('edge.default')}</span> : null}
            {shown ? <span>{shown}</span> : null}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});

/** React Flow edge types of the designer. */
export const edgeTypes = { guard: GuardEdge };
