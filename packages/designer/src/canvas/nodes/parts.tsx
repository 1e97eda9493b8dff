import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.js';
import { Icon } from '../icons.js';
import type { StepData } from '../types.js';

/** The connection points: in on the left, out on the right. */
export function StepHandles() {
  return (
    <>
      <Handle type="target" position={Position.Left} className="cfd-handle" />
      <Handle type="source" position={Position.Right} className="cfd-handle" />
    </>
  );
}

/** Problem count, mandatory lock, SLA clock and gate shield badges of a step. */
export function StepBadges({ data }: { data: StepData }) {
  const { t } = useI18n();
  const n = data.node;
  const badges: ReactNode[] = [];
  if (n.kind === 'task' && n.mandatory) badges.push(<span key="m" className="cfd-badge cfd-badge-lock" title={t('node.mandatory')} aria-label={t('node.mandatory')}><Icon name="lock" size={11} /></span>);
  if (n.kind === 'task' && n.sla) {
    const label = typeof n.sla.hours === 'number' ? t('node.sla', { hours: n.sla.hours }) : t('node.slaRule');
    badges.push(<span key="s" className="cfd-badge cfd-badge-sla" title={label} aria-label={label}><Icon name="clock" size={11} />{typeof n.sla.hours === 'number' ? <span>{n.sla.hours}h</span> : null}</span>);
  }
  for (const g of data.gates) badges.push(<span key={`g${g}`} className="cfd-badge cfd-badge-gate" title={t('node.gate', { name: g })} aria-label={t('node.gate', { name: g })}><Icon name="shield" size={11} /></span>);
  const p = data.problems;
  if (p && (p.error > 0 || p.warning > 0)) {
    const count = p.error + p.warning;
    badges.push(
      <span key="p" className={`cfd-badge cfd-badge-problem ${p.error > 0 ? 'is-error' : 'is-warning'}`} title={t('node.problems', { count })} aria-label={t('node.problems', { count })} data-testid="problem-badge">
        {count}
      </span>,
    );
  }
  if (badges.length === 0) return null;
  return <div className="cfd-badges">{badges}</div>;
}

/** Class names shared by every step: selection, dimming, status and diff marks. */
export function stepClass(base: string, data: StepData, selected: boolean | undefined): string {
  return [
    'cfd-step',
    base,
    selected ? 'is-selected' : '',
    data.dimmed ? 'is-dimmed' : '',
    data.status ? `status-${data.status}` : '',
    data.diff ? `diff-${data.diff}` : '',
    data.problems?.error ? 'has-error' : data.problems?.warning ? 'has-warning' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The status chip of a step in an instance or simulation. */
export function StatusChip({ data }: { data: StepData }) {
  const { t } = useI18n();
  if (!data.status) return null;
  return <span className={`cfd-status-chip status-${data.status}`}>{t(`progress.${data.status}`)}</span>;
}
