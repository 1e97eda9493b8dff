/** The change log of a flow as Markdown, for a company's written process history. */
import type { Locale } from '../analysis/types.js';
import type { Catalog } from '../schema/catalog.js';
import type { Flow } from '../schema/flow.js';
import { toSop } from '../sop/sop.js';
import type { ChangeStage, VersionRecord } from './types.js';

const WORDS = {
  en: {
    title: (name: string) => `# Change log: ${name}`,
    version: (v: number) => `## Version ${v}`,
    stage: 'Stage',
    author: 'Author(s)',
    note: 'Change note',
    submitted: 'Submitted',
    approved: 'Approved',
    sentBack: 'Sent back',
    scheduled: 'Scheduled for',
    published: 'Published',
    republish: (v: number) => `Republishes version ${v} (rollback)`,
    retired: 'Retired',
    migrations: 'Cases moved onto this version',
    unrecorded: 'Deployed before change control: no recorded review.',
    sop: 'Standard operating procedure',
    by: 'by',
    none: '—',
    stages: { draft: 'draft', submitted: 'submitted for review', 'sent-back': 'sent back', approved: 'approved', scheduled: 'scheduled', published: 'published', retired: 'retired' } as Record<ChangeStage, string>,
  },
  zh: {
    title: (name: string) => `# 变更记录：${name}`,
    version: (v: number) => `## 第 ${v} 版`,
    stage: '阶段',
    author: '作者',
    note: '变更说明',
    submitted: '提交',
    approved: '批准',
    sentBack: '退回',
    scheduled: '定时发布于',
    published: '发布',
    republish: (v: number) => `重新发布第 ${v} 版（回滚）`,
    retired: '停用',
    migrations: '迁移到此版本的单据',
    unrecorded: '在变更管控启用前部署：没有审核记录。',
    sop: '标准作业程序',
    by: '操作人',
    none: '—',
    stages: { draft: '草稿', submitted: '已提交待审核', 'sent-back': '已退回', approved: '已批准', scheduled: '已安排定时发布', published: '已发布', retired: '已停用' } as Record<ChangeStage, string>,
  },
} as const;

/** Options of {@link changeLogMarkdown}. */
export interface ChangeLogOptions {
  locale?: Locale;
  /** Time zone the times are written in (IANA name). Default UTC. */
  timeZone?: string;
  catalog?: Catalog;
  /** Each version's definition, to append its SOP (`toSop`); versions without one get none. */
  definitions?: ReadonlyMap<number, Flow>;
}

/**
 * Writes a flow's versions (from {@link ChangeControl.versions}) as one
 * Markdown document: per version its stage, authors, change note,
 * submission, reviews (approval, send-backs with reasons), publication
 * (scheduled, rollback), retirement, the cases moved onto it, and its SOP.
 */
export function changeLogMarkdown(versions: readonly VersionRecord[], options: ChangeLogOptions = {}): string {
  const locale = options.locale ?? 'en';
  const w = WORDS[locale];
  const fmt = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: options.timeZone ?? 'UTC' });
  // A time no date holds (a log written elsewhere) is named as unknown rather than throwing.
  const time = (at: number) => (Number.isFinite(at) && Math.abs(at) <= 8.64e15 ? fmt.format(new Date(at)) : locale === 'zh' ? '未知时间' : 'an unknown time');
  const person = (p: { id: string; name?: string }) => p.name ?? p.id;
  const latestName = [...versions].reverse().find((v) => v.name)?.name;
  const name = latestName ? (locale === 'zh' ? (latestName.zh ?? latestName.en) : latestName.en) : (versions[0]?.flowId ?? '');
  const out: string[] = [w.title(name), ''];
  for (const v of [...versions].sort((a, b) => b.version - a.version)) {
    out.push(w.version(v.version), '');
    const row = (k: string, val: string) => out.push(`- **${k}**: ${val}`);
    row(w.stage, w.stages[v.stage]);
    if (v.unrecorded) out.push(`- ${w.unrecorded}`);
    if (v.authors.length) row(w.author, v.authors.map(person).join(', '));
    if (v.note) row(w.note, locale === 'zh' ? v.note.zh : v.note.en);
    if (v.submitted) row(w.submitted, `${time(v.submitted.at)}, ${w.by} ${person(v.submitted.by)}`);
    for (const s of v.sentBack) row(w.sentBack, `${time(s.at)}, ${w.by} ${person(s.by)}: ${s.reason ?? w.none}`);
    if (v.approved) row(w.approved, `${time(v.approved.at)}, ${w.by} ${person(v.approved.by)}${v.approved.note ? ` — ${locale === 'zh' ? v.approved.note.zh : v.approved.note.en}` : ''}`);
    if (v.scheduled && v.stage === 'scheduled') row(w.scheduled, `${time(v.scheduled.publishAt)}, ${w.by} ${person(v.scheduled.by)}`);
    if (v.published && !v.unrecorded) row(w.published, `${time(v.published.at)}, ${w.by} ${person(v.published.by)}${v.published.reason ? `: ${v.published.reason}` : ''}`);
    else if (v.published) row(w.published, time(v.published.at));
    if (v.republishOf !== undefined) out.push(`- ${w.republish(v.republishOf)}`);
    if (v.retired) row(w.retired, `${time(v.retired.at)}, ${w.by} ${person(v.retired.by)}: ${v.retired.reason ?? w.none}`);
    if (v.migrations.length) {
      row(w.migrations, String(v.migrations.length));
      for (const m of v.migrations) out.push(`  - ${m.instanceId}: v${m.fromVersion} → v${m.toVersion}, ${time(m.at)}, ${w.by} ${person(m.by)}`);
    }
    const def = options.definitions?.get(v.version);
    // The SOP under one heading of the log: its own title (the flow's name again) left out, its sections demoted below it.
    if (def) out.push('', `### ${w.sop}`, '', toSop(def, options.catalog, locale).replace(/^# [^\n]*\n+/, '').replace(/^#/gm, '###'));
    out.push('');
  }
  return out.join('\n');
}
