import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Icon } from '../icons.js';
import type { StepRFNode } from '../types.js';
import { StatusChip, StepBadges, StepHandles, stepClass } from './parts.js';

/** A human step: a card with the department colour strip, window, role chips and badges. */
export const TaskNode = memo(function TaskNode({ data, selected }: NodeProps<StepRFNode>) {
  return (
    <div className={stepClass('cfd-card cfd-task', data, selected)} style={{ ['--lane-color' as string]: data.color ?? '#94a3b8' }}>
      <StepHandles />
      <div className="cfd-card-title">
        <Icon name="task" size={14} className="cfd-kind-icon" />
        <span className="cfd-title-text">{data.title}</span>
      </div>
      {data.windowName ? (
        <div className="cfd-card-line" title={data.windowName}>
          <Icon name="window" size={12} />
          <span>{data.windowName}</span>
        </div>
      ) : null}
      {data.roleNames.length > 0 ? (
        <div className="cfd-chips">
          {data.roleNames.slice(0, 3).map((r) => (
            <span key={r} className="cfd-chip">{r}</span>
          ))}
          {data.roleNames.length > 3 ? <span className="cfd-chip">+{data.roleNames.length - 3}</span> : null}
        </div>
      ) : null}
      <StepBadges data={data} />
      <StatusChip data={data} />
    </div>
  );
});
