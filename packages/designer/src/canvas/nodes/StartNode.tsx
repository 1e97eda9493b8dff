import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Icon } from '../icons.js';
import type { StepRFNode } from '../types.js';
import { StatusChip, StepBadges, StepHandles, stepClass } from './parts.js';

/** Where the flow begins: a green circle. */
export const StartNode = memo(function StartNode({ data, selected }: NodeProps<StepRFNode>) {
  return (
    <div className={stepClass('cfd-event cfd-start', data, selected)}>
      <StepHandles />
      <Icon name="start" size={18} />
      <div className="cfd-below-label">{data.title}</div>
      <StepBadges data={data} />
      <StatusChip data={data} />
    </div>
  );
});
