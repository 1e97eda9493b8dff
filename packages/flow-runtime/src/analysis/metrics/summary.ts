import type { Locale } from '../types.js';
import type { ClarityRating, FlowMetrics } from './types.js';

/** Rates how easy a flow is to follow: few choices, few hand-offs, few jumps is clear. */
export function rate(m: Omit<FlowMetrics, 'rating' | 'summary'>): ClarityRating {
  const hand = m.handoffs.max ?? 0;
  const jumps = m.jumps.back + m.jumps.skips;
  if (m.cyclomaticComplexity <= 6 && hand <= 4 && m.jumps.back <= 1 && jumps <= 3 && (m.longestPath ?? 0) <= 15) return 'clear';
  if (m.cyclomaticComplexity <= 12 && hand <= 8 && m.jumps.back <= 3 && (m.longestPath ?? 0) <= 30) return 'fair';
  return 'hard';
}

const RATING: Record<ClarityRating, { en: string; zh: string }> = {
  clear: { en: 'clear', zh: '清晰' },
  fair: { en: 'fair — consider simplifying', zh: '一般——建议简化' },
  hard: { en: 'hard to follow — split or simplify it', zh: '难以理解——建议拆分或简化' },
};

function range(a: number | null, b: number | null, locale: Locale): string {
  if (a === null || b === null) return '?';
  if (a === b) return String(a);
  return locale === 'zh' ? `${a}到${b}` : `${a} to ${b}`;
}

/** "1 step", "2 to 3 steps": a range of counts with its noun, singular only for exactly one. */
function counted(a: number | null, b: number | null, word: string): string {
  return `${range(a, b, 'en')} ${word}${a === 1 && b === 1 ? '' : 's'}`;
}

/** A few sentences a key user can read. */
export function summarize(m: FlowMetrics, locale: Locale): string {
  const d = m.departments.length;
  if (locale === 'zh') {
    const parts = [`共${m.steps}个步骤（其中人工任务${m.tasks}个），涉及${d}个部门，${m.decisions}个判断${m.parallelSplits ? `，${m.parallelSplits}个并行拆分` : ''}。`];
    if (m.longestPath === null) parts.push('从开始无法到达任何结束。');
    else parts.push(`一次运行需要${range(m.shortestPath, m.longestPath, locale)}个步骤，部门间交接${range(m.handoffs.min, m.handoffs.max, locale)}次，共${m.pathCount >= 1e6 ? '超过一百万' : m.pathCount}条路径。`);
    parts.push(`${m.jumps.back}次回跳（循环或返工），${m.jumps.skips}次跳过。`);
    parts.push(`圈复杂度${m.cyclomaticComplexity}：${RATING[m.rating].zh}。`);
    return parts.join('');
  }
  const s = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const parts = [`${s(m.steps, 'step')} (${s(m.tasks, 'task')}) in ${s(d, 'department')}, ${s(m.decisions, 'decision')}${m.parallelSplits ? `, ${s(m.parallelSplits, 'parallel split')}` : ''}.`];
  if (m.longestPath === null) parts.push('No end can be reached from the start.');
  else parts.push(`A run takes ${counted(m.shortestPath, m.longestPath, 'step')} with ${counted(m.handoffs.min, m.handoffs.max, 'hand-off')} between departments, across ${m.pathCount >= 1e6 ? 'more than a million paths' : s(m.pathCount, 'path')}.`);
  parts.push(`${m.jumps.back} ${m.jumps.back === 1 ? 'jump' : 'jumps'} back (loops or rework), ${s(m.jumps.skips, 'skip')}.`);
  parts.push(`Complexity ${m.cyclomaticComplexity}: ${RATING[m.rating].en}.`);
  return parts.join(' ');
}
