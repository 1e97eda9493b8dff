/**
 * Horizontal bar charts in plain SVG: one row per label, bars scaled to the
 * largest value, the value written at the bar's end. An optional second
 * value is drawn as a darker part of the bar (e.g. overdue of waiting).
 *
 * The SVG is drawn at the width it is shown at (not scaled from a fixed
 * viewBox), so its text stays 12 px in a narrow panel; a long label takes
 * two lines ("Review payment history" over its flow's name), cut only when
 * even that does not fit.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n';

export interface Bar {
  label: string;
  value: number;
  /** A part of `value` to mark (drawn darker), e.g. overdue tasks. */
  part?: number;
  hint?: string;
}

/** Rough width of a label at 12 px: CJK characters are square, others about half as wide. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 12 : 6.6;
  return w;
}

/** The label, cut with an ellipsis to fit `px`. */
export function fitLabel(label: string, px: number): string {
  if (textWidth(label) <= px) return label;
  let out = '';
  for (const ch of label) {
    if (textWidth(`${out}${ch}…`) > px) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/**
 * A label in at most two lines of `px`: whole when it fits; else "step ·
 * flow" on two lines (each cut only if it still does not fit), or the text
 * broken at a space (CJK anywhere), the rest cut with an ellipsis.
 */
export function labelLines(label: string, px: number): string[] {
  if (textWidth(label) <= px) return [label];
  const parts = label.split(' · ');
  if (parts.length > 1) return [fitLabel(parts[0]!, px), fitLabel(parts.slice(1).join(' · '), px)];
  let first = '';
  for (const ch of label) {
    if (textWidth(first + ch) > px) break;
    first += ch;
  }
  // Break at the last space of the line, unless the line already ends at a word's end.
  const space = first.lastIndexOf(' ');
  if (label[first.length] !== ' ' && space > first.length / 2) first = first.slice(0, space);
  return [first.trimEnd(), fitLabel(label.slice(first.length).trimStart(), px)];
}

/** The width an element is laid out at, following resizes (`fallback` until measured, and where nothing is laid out). */
function useWidth(fallback: number) {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => el.clientWidth > 0 && setWidth(el.clientWidth);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}

export function BarChart({ bars, format = String, tone = 'blue', partLabel, labelWidth = 220, ariaLabel }: { bars: readonly Bar[]; format?: (v: number) => string; tone?: 'blue' | 'green' | 'amber' | 'red' | 'violet'; partLabel?: string; labelWidth?: number; ariaLabel: string }) {
  const id = useId();
  const i18n = useI18n();
  const [ref, width] = useWidth(640);
  const valueWidth = 90;
  // In a narrow panel the labels give up room first, down to about two fifths of the chart.
  const labels = Math.min(labelWidth, Math.max(120, Math.round(width * 0.42)));
  // A label that does not fit takes two lines (all rows grow alike) rather than ending in "…".
  const fitted = bars.map((b) => labelLines(b.label, labels - 12));
  const twoLines = fitted.some((l) => l.length > 1);
  // Once some rows take two lines, every "step · flow" label does, so the chart reads alike.
  const split = (label: string) => {
    const [step, ...rest] = label.split(' · ');
    return rest.length ? [step!, rest.join(' · ')] : [label];
  };
  const texts = twoLines ? fitted.map((l, i) => (l.length === 1 ? split(bars[i]!.label) : l)) : fitted;
  const row = twoLines ? 38 : 26;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = Math.max(40, width - labels - valueWidth);
  const height = bars.length * row + 4;
  return (
    <figure ref={ref} className={`chart chart-${tone}`}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={id}>
        <title id={id}>{ariaLabel}</title>
        {bars.map((b, i) => {
          const y = i * row + 2;
          const w = (b.value / max) * span;
          const pw = b.part ? (b.part / max) * span : 0;
          return (
            <g key={`${b.label}-${i}`}>
              <title>{b.hint ?? i18n.t('common.about', { label: b.label, subject: format(b.value) })}</title>
              <text x={labels - 8} y={y + row / 2 + 4} textAnchor="end" className="chart-label">
                {texts[i]!.length === 1 ? (
                  texts[i]![0]
                ) : (
                  <>
                    <tspan x={labels - 8} y={y + row / 2 - 2}>{texts[i]![0]}</tspan>
                    <tspan x={labels - 8} y={y + row / 2 + 12} className="chart-sublabel">{texts[i]![1]}</tspan>
                  </>
                )}
              </text>
              <rect x={labels} y={y + 4} width={Math.max(w, b.value > 0 ? 2 : 0)} height={row - 8} rx={3} className="chart-bar" />
              {pw > 0 && <rect x={labels} y={y + 4} width={pw} height={row - 8} rx={3} className="chart-part" />}
              <text x={labels + w + 6} y={y + row / 2 + 4} className="chart-value">
                {b.part ? i18n.t('common.aside', { text: format(b.value), aside: `${b.part} ${partLabel ?? ''}`.trim() }) : format(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
