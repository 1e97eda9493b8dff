import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { StepRFNode } from '../types.js';
import { StatusChip, StepBadges, StepHandles, stepClass } from './parts.js';

/** An exclusive choice: a diamond, with its name (or question) beneath. */
export const DecisionNode = memo(function DecisionNode({ data, selected }: NodeProps<StepRFNode>) {
  return (
    <div className={stepClass('cfd-decision', data, selected)}>
      <StepHandles />
      <div className="cfd-diamond" style={{ ['--lane-color' as string]: data.color ?? '#94a3b8' }}>
        <span className="cfd-diamond-mark">?</span>
      </div>
      <div className="cfd-below-label" title={data.subtitle ?? data.title}>{data.subtitle ?? data.title}</div>
      <StepBadges data={data} />
      <StatusChip data={data} />
    </div>
  );
});
