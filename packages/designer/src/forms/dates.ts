/**
 * Dates as people type and read them in the app's language — never in the
 * browser's locale (a Chinese user in an en-US browser must not meet
 * mm/dd/yyyy). Both languages show the year first (`2026-11-22`), which no
 * reader can take for another day; Chinese users may also type
 * `2026年11月22日` or `2026/11/22`, English users `22 Nov 2026` or
 * `Nov 22, 2026`. Day-first or month-first numbers (`11/12/2026`) are refused
 * as ambiguous.
 */

/** What a date field holds: a calendar day (`date`) or a time (`datetime`). */
export type DateKind = 'date' | 'datetime';

/** The outcome of reading typed text: empty, a value the engine takes, or why not. */
export type DateParse = { ok: true; value: string | null } | { ok: false; reason: 'format' | 'ambiguous' | 'noSuchDay' | 'time' | 'noSuchTime' };

const p2 = (n: number) => String(n).padStart(2, '0');

function realDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

type Day = { y: number; m: number; d: number };

/** The day at the start of the text, and what follows it. */
function readDay(text: string): { day: Day; rest: string } | { fail: 'format' | 'ambiguous' | 'noSuchDay' } {
  const ymd = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)(.*)$/u.exec(text);
  const named = /^(?:(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})|([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}))(.*)$/iu.exec(text);
  let day: Day | undefined;
  let rest: string;
  if (ymd) {
    day = { y: Number(ymd[1]), m: Number(ymd[2] ?? ymd[4]), d: Number(ymd[3] ?? ymd[5]) };
    rest = ymd[6] ?? '';
  } else if (named) {
    const month = (named[2] ?? named[4] ?? '').toLowerCase();
    const m = FULL_MONTHS.findIndex((full) => full.startsWith(month));
    if (m < 0) return { fail: 'format' };
    day = { y: Number(named[3] ?? named[6]), m: m + 1, d: Number(named[1] ?? named[5]) };
    rest = named[7] ?? '';
  } else if (/^\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}\b/u.test(text)) {
    return { fail: 'ambiguous' };
  } else {
    return { fail: 'format' };
  }
  if (!realDay(day.y, day.m, day.d)) return { fail: 'noSuchDay' };
  return { day, rest };
}

/**
 * Reads what a person typed into a date field. A `date` becomes
 * `yyyy-mm-dd`; a `datetime` (a day and `hh:mm`, in the reader's time zone)
 * becomes an ISO instant. Empty text is no value.
 */
export function parseDateText(text: string, kind: DateKind): DateParse {
  const s = text.trim().replace(/：/gu, ':').replace(/，/gu, ',');
  if (s === '') return { ok: true, value: null };
  const read = readDay(s);
  if ('fail' in read) return { ok: false, reason: read.fail };
  const { day, rest } = read;
  const iso = `${day.y}-${p2(day.m)}-${p2(day.d)}`;
  if (kind === 'date') return rest.trim() === '' ? { ok: true, value: iso } : { ok: false, reason: 'format' };
  const time = /^\s*(?:T|\s|,)\s*(\d{1,2})\s*[:点時时]\s*(\d{2})?\s*分?\s*$/u.exec(rest);
  if (rest.trim() === '') return { ok: false, reason: 'time' };
  if (!time) return { ok: false, reason: 'format' };
  const h = Number(time[1]);
  const min = Number(time[2] ?? 0);
  if (h > 23 || min > 59) return { ok: false, reason: 'noSuchTime' };
  return { ok: true, value: new Date(day.y, day.m - 1, day.d, h, min).toISOString() };
}

/**
 * A stored value as the text of a date field: `yyyy-mm-dd` for a day,
 * `yyyy-mm-dd hh:mm` (the reader's time zone) for a time. Text that is not a
 * date (what someone typed) comes back as it is, so it is never lost.
 */
export function formatDateText(value: unknown, kind: DateKind): string {
  if (typeof value !== 'string' || value === '') return '';
  if (kind === 'date') return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(d.getTime())) return value;
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}`;
}
