import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useI18n } from '../../i18n/index.js';
import { Icon } from '../icons.js';
import type { StepRFNode } from '../types.js';
import { StatusChip, StepBadges, StepHandles, stepClass } from './parts.js';

/** Runs another flow: a card with a double border and the called flow's name. */
export const SubflowNode = memo(function SubflowNode({ data, selected }: NodeProps<StepRFNode>) {
  const { t } = useI18n();
  return (
    <div className={stepClass('cfd-card cfd-subflow', data, selected)} style={{ ['--lane-color' as string]: data.color ?? '#94a3b8' }}>
      <StepHandles />
      <div className="cfd-card-title">
        <Icon name="subflow" size={14} className="cfd-kind-icon" />
        <span className="cfd-title-text">{data.title}</span>
      </div>
      <div className="cfd-card-line">{t('node.calls', { flow: data.subtitle ?? '' })}</div>
      <StepBadges data={data} />
      <StatusChip data={data} />
    </div>
  );
});
