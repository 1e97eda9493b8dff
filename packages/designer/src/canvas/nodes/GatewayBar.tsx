import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { StepRFNode } from '../types.js';
import { StatusChip, StepBadges, StepHandles, stepClass } from './parts.js';

function Bar({ data, selected, kind }: NodeProps<StepRFNode> & { kind: 'parallel' | 'join' }) {
  return (
    <div className={stepClass(`cfd-bar cfd-${kind}`, data, selected)} title={data.title}>
      <StepHandles />
      <div className="cfd-bar-label">{data.title}</div>
      <StepBadges data={data} />
      <StatusChip data={data} />
    </div>
  );
}

/** Splits into all branches: a solid bar. */
export const ParallelNode = memo(function ParallelNode(props: NodeProps<StepRFNode>) {
  return <Bar {...props} kind="parallel" />;
});

/** Waits for every branch: a bar with inward marks. */
export const JoinNode = memo(function JoinNode(props: NodeProps<StepRFNode>) {
  return <Bar {...props} kind="join" />;
});
