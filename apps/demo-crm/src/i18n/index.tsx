/**
 * The demo's two languages. Messages are keyed; `{name}` placeholders are
 * filled from params. Catalog and flow texts carry their own en/zh and are
 * read with `lt`.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { en, type MessageKey } from './en';
import { zh } from './zh';

export type Locale = 'en' | 'zh';
export type { MessageKey };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, zh };

export type Params = Record<string, string | number>;

/**
 * A message in a language with its placeholders filled; `{n|one|other}`
 * picks the singular when the parameter `n` is 1 ("1 case", "2 cases").
 */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  let text = dictionaries[locale][key] ?? en[key] ?? key;
  if (params) {
    text = text.replace(/\{(\w+)\|([^|{}]*)\|([^{}]*)\}/g, (whole, k: string, one: string, other: string) => (k in params ? (Number(params[k]) === 1 ? one : other) : whole));
    for (const [k, v] of Object.entries(params)) text = text.split(`{${k}}`).join(String(v));
  }
  return text;
}

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: Params) => string;
  /** A catalog or flow text in the current language (English when there is no Chinese). */
  lt: (text: { en: string; zh?: string } | undefined) => string;
  money: (n: unknown) => string;
  number: (n: unknown) => string;
  date: (ms: number | string | undefined) => string;
  dateTime: (ms: number | string | undefined) => string;
  /** "3 h", "2 d 4 h". */
  duration: (ms: number) => string;
}

export function makeI18n(locale: Locale): I18n {
  const tag = locale === 'zh' ? 'zh-CN' : 'en-GB';
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 });
  const money2 = new Intl.NumberFormat(tag, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const num = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const d = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric' });
  const dt = new Intl.DateTimeFormat(tag, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
  const toDate = (v: number | string | undefined) => (v === undefined || v === '' ? undefined : new Date(typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00` : v));
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  return {
    locale,
    t,
    lt: (text) => (text ? (locale === 'zh' ? (text.zh ?? text.en) : text.en) : ''),
    money: (n) => (typeof n === 'number' && Number.isFinite(n) ? (Number.isInteger(n) ? money : money2).format(n) : '—'),
    number: (n) => (typeof n === 'number' && Number.isFinite(n) ? num.format(n) : '—'),
    date: (v) => {
      const x = toDate(v);
      return x && !Number.isNaN(x.getTime()) ? d.format(x) : '—';
    },
    dateTime: (v) => {
      const x = toDate(v);
      return x && !Number.isNaN(x.getTime()) ? dt.format(x) : '—';
    },
    duration: (ms) => {
      const minutes = Math.round(Math.abs(ms) / 60_000);
      const days = Math.floor(minutes / 1440);
      const hours = Math.floor((minutes % 1440) / 60);
      const mins = minutes % 60;
      if (days > 0) return hours > 0 ? t('duration.dh', { d: days, h: hours }) : t('duration.d', { d: days });
      if (hours > 0) return mins > 0 && hours < 3 ? t('duration.hm', { h: hours, m: mins }) : t('duration.h', { h: hours });
      return t('duration.m', { m: mins });
    },
  };
}

const I18nContext = createContext<I18n>(makeI18n('en'));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => makeI18n(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
