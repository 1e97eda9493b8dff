import type { LocalizedNote } from '@crm/flow-runtime';

/** The notes of a step in one language, one per line, as the inspector's note boxes show them. */
export function notesText(notes: ReadonlyArray<LocalizedNote> | undefined, lang: 'en' | 'zh'): string {
  return (notes ?? []).map((n) => (typeof n === 'string' ? (lang === 'en' ? n : '') : lang === 'en' ? n.en : (n.zh ?? ''))).join('\n');
}

const lines = (text: string): string[] => (text === '' ? [] : text.split('\n'));

/**
 * The notes after one language's box was edited: line N of the English box
 * and line N of the Chinese box are one note. A note with only English stays
 * plain text; a note with only Chinese also uses it as its English text until
 * English is typed (a note always has English, as names do). Blank lines are
 * kept while typing so the lines stay paired; no text at all is no notes.
 */
export function editNotes(notes: ReadonlyArray<LocalizedNote> | undefined, lang: 'en' | 'zh', text: string): LocalizedNote[] | undefined {
  const before = notes ?? [];
  const en = lang === 'en' ? lines(text) : lines(notesText(before, 'en'));
  const zh = lang === 'zh' ? lines(text) : lines(notesText(before, 'zh'));
  const out: LocalizedNote[] = [];
  for (let i = 0; i < Math.max(en.length, zh.length); i++) {
    const prev = before[i];
    // English that was only a copy of the Chinese follows the Chinese as it is typed.
    const copied = prev !== undefined && typeof prev !== 'string' && prev.en === prev.zh;
    const z = zh[i] ?? '';
    const e = lang === 'zh' && copied ? z : (en[i] ?? '');
    out.push(z.trim() ? { en: e.trim() ? e : z, zh: z } : e);
  }
  return out.some((n) => (typeof n === 'string' ? n : n.en).trim()) ? out : undefined;
}
