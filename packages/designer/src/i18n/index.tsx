import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { LocalizedText } from '@crm/flow-runtime';
import { en, type MessageKey, type Messages } from './en.js';
import { zh } from './zh.js';

/** A UI language of the designer. */
export type Locale = 'en' | 'zh';

const MESSAGES: Record<Locale, Messages> = { en, zh };

/**
 * Translates a key, filling `{placeholders}`; `{n|one|other}` picks the
 * singular when the variable `n` is 1, else the plural ("1 error", "2 errors").
 */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Makes a translate function for a locale. */
export function translator(locale: Locale): Translate {
  const m = MESSAGES[locale] ?? en;
  return (key, vars) => {
    const s = m[key] ?? en[key] ?? key;
    if (!vars) return s;
    return s
      .replace(/\{(\w+)\|([^|{}]*)\|([^{}]*)\}/g, (_, k: string, one: string, other: string) => (Number(vars[k]) === 1 ? one : other))
      .replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
  };
}

interface I18n {
  locale: Locale;
  t: Translate;
  /** Picks the text of a localized name, falling back to English. */
  text: (value: LocalizedText | { en: string; zh?: string } | undefined) => string;
}

const I18nContext = createContext<I18n>({ locale: 'en', t: translator('en'), text: (v) => v?.en ?? '' });

/** Provides the UI language to the designer's components. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(() => ({ locale, t: translator(locale), text: (v) => (v ? (locale === 'zh' ? (v.zh ?? v.en) : v.en) : '') }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its translate function and a picker for localized names. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

export type { MessageKey, Messages };
