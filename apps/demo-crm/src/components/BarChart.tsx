/**
 * Horizontal bar charts in plain SVG: one row per label, bars scaled to the
 * largest value, the value written at the bar's end. An optional second
 * value is drawn as a darker part of the bar (e.g. overdue of waiting).
 */
import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
  /** A part of `value` to mark (drawn darker), e.g. overdue tasks. */
  part?: number;
  hint?: string;
}

export function BarChart({ bars, format = String, tone = 'blue', partLabel, labelWidth = 220, ariaLabel }: { bars: readonly Bar[]; format?: (v: number) => string; tone?: 'blue' | 'green' | 'amber' | 'red' | 'violet'; partLabel?: string; labelWidth?: number; ariaLabel: string }) {
  const id = useId();
  const row = 26;
  const width = 640;
  const valueWidth = 90;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = width - labelWidth - valueWidth;
  const height = bars.length * row + 4;
  return (
    <figure className={`chart chart-${tone}`}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={id} preserveAspectRatio="xMinYMin meet">
        <title id={id}>{ariaLabel}</title>
        {bars.map((b, i) => {
          const y = i * row + 2;
          const w = (b.value / max) * span;
          const pw = b.part ? (b.part / max) * span : 0;
          return (
            <g key={`${b.label}-${i}`}>
              <title>{b.hint ?? `${b.label}: ${format(b.value)}`}</title>
              <text x={labelWidth - 8} y={y + row / 2 + 4} textAnchor="end" className="chart-label">
                {b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label}
              </text>
              <rect x={labelWidth} y={y + 4} width={Math.max(w, b.value > 0 ? 2 : 0)} height={row - 8} rx={3} className="chart-bar" />
              {pw > 0 && <rect x={labelWidth} y={y + 4} width={pw} height={row - 8} rx={3} className="chart-part" />}
              <text x={labelWidth + w + 6} y={y + row / 2 + 4} className="chart-value">
                {format(b.value)}
                {b.part ? ` (${b.part} ${partLabel ?? ''})` : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
