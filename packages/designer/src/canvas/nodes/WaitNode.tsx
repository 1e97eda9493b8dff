import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useI18n } from '../../i18n/index.js';
import { Icon } from '../icons.js';
import type { StepRFNode } from '../types.js';
import { StatusChip, StepBadges, StepHandles, stepClass } from './parts.js';

/** Waits for a condition or a timer: an hourglass pill. */
export const WaitNode = memo(function WaitNode({ data, selected }: NodeProps<StepRFNode>) {
  const { t } = useI18n();
  const n = data.node;
  const what = n.kind === 'wait' ? [n.until !== undefined ? t('node.until') : '', n.timer ? t('node.timer') : ''].filter(Boolean).join(' · ') : '';
  return (
    <div className={stepClass('cfd-card cfd-wait', data, selected)}>
      <StepHandles />
      <div className="cfd-card-title">
        <Icon name="wait" size={14} className="cfd-kind-icon" />
        <span className="cfd-title-text">{data.title}</span>
      </div>
      {what ? <div className="cfd-card-line">{what}</div> : null}
      <StepBadges data={data} />
      <StatusChip data={data} />
    </div>
  );
});
