import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Icon } from '../icons.js';
import type { StepRFNode } from '../types.js';
import { StatusChip, StepBadges, StepHandles, stepClass } from './parts.js';

/** An automatic step: a gear card; a bell when it raises an alert. */
export const SystemNode = memo(function SystemNode({ data, selected }: NodeProps<StepRFNode>) {
  const n = data.node;
  return (
    <div className={stepClass('cfd-card cfd-system', data, selected)}>
      <StepHandles />
      <div className="cfd-card-title">
        <Icon name="system" size={14} className="cfd-kind-icon" />
        <span className="cfd-title-text">{data.title}</span>
        {n.kind === 'system' && n.alert ? <Icon name="bell" size={12} className="cfd-alert-icon" /> : null}
      </div>
      <StepBadges data={data} />
      <StatusChip data={data} />
    </div>
  );
});
