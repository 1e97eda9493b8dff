import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Icon } from '../icons.js';
import type { StepRFNode } from '../types.js';
import { StatusChip, StepBadges, StepHandles, stepClass } from './parts.js';

/** Where a path ends: a thick circle, showing its outcome. */
export const EndNode = memo(function EndNode({ data, selected }: NodeProps<StepRFNode>) {
  return (
    <div className={stepClass('cfd-event cfd-end', data, selected)} data-outcome={data.subtitle}>
      <StepHandles />
      <Icon name="end" size={14} />
      <div className="cfd-below-label">
        {data.title}
        {data.subtitle && data.subtitle.toLowerCase() !== data.title.toLowerCase() ? <span className="cfd-outcome">{data.subtitle}</span> : null}
      </div>
      <StepBadges data={data} />
      <StatusChip data={data} />
    </div>
  );
});
