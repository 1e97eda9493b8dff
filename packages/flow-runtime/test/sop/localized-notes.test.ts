import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { noteIn, parseFlow, type Flow, type LocalizedNote } from '../../src/index.js';
import { compareFlows, toSop } from '../../src/analysis-entry.js';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { EXAMPLES_DIR } from '../paths.js';
import { FLOW_IDS, loadCatalog, readExample } from '../examples/load-examples.js';
import { catalog } from '../analysis/fixtures/catalog.js';
import { orderFlow } from '../analysis/fixtures/build.js';

async function sopCli(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIo = { out: (t) => (out += `${t}\n`), err: () => undefined, readFile: (p) => readFileSync(p, 'utf8'), isTty: false };
  const code = await runCli(['sop', ...argv], io);
  return { code, out };
}

/** The notes section of an SOP (from its heading to the next heading). */
function notesSection(md: string, heading: string): string {
  const from = md.indexOf(heading);
  if (from < 0) return '';
  const next = md.indexOf('\n## ', from + heading.length);
  return md.slice(from, next < 0 ? undefined : next);
}

describe('notes in English and Chinese', () => {
  const sampleCatalog = loadCatalog();

  it.each(FLOW_IDS)('the Chinese SOP of %s shows every note in Chinese and none in English', async (id) => {
    const raw = readExample(`${id}.json`) as { nodes: Array<{ notes?: LocalizedNote[] }> };
    const notes = raw.nodes.flatMap((n) => n.notes ?? []);
    const { code, out } = await sopCli(`${EXAMPLES_DIR}${id}.json`, '--catalog', `${EXAMPLES_DIR}catalog.json`, '--locale', 'zh');
    expect(code).toBe(0);
    for (const note of notes) {
      // Every note of a sample flow is written in both languages.
      expect(typeof note, `a note of ${id} is plain text: ${JSON.stringify(note)}`).toBe('object');
      expect(noteIn(note, 'zh')).not.toBe(noteIn(note, 'en'));
      expect(out).toContain(noteIn(note, 'zh'));
      expect(out).not.toContain(noteIn(note, 'en'));
      // Not even the first words of the English note.
      expect(out).not.toContain(noteIn(note, 'en').slice(0, 24));
    }
    const section = notesSection(out, '## 待定问题与备注');
    if (notes.length) expect(section).not.toBe('');
    // Whatever the section holds reads in Chinese: no run of three English words.
    expect(section).not.toMatch(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/);
  });

  it.each(FLOW_IDS)('the English SOP of %s shows its notes in English', (id) => {
    const flow = parseFlow(readExample(`${id}.json`), sampleCatalog);
    if (!flow.ok) throw new Error(`${id} does not parse`);
    const md = toSop(flow.value, sampleCatalog, 'en');
    for (const note of flow.value.nodes.flatMap((n) => n.notes ?? [])) {
      expect(md).toContain(noteIn(note, 'en'));
      expect(md).not.toContain(noteIn(note, 'zh'));
    }
  });

  const withNotes = (notes: unknown[]): unknown => {
    const f = orderFlow() as Flow;
    return { ...f, nodes: f.nodes.map((n) => (n.id === 'check' ? { ...n, notes } : n)) };
  };

  it('keeps plain-text notes valid and shows them the same in both languages', () => {
    const parsed = parseFlow(withNotes(['Ask finance about level C.']), catalog);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(toSop(parsed.value, catalog, 'en')).toContain(': Ask finance about level C.');
    expect(toSop(parsed.value, catalog, 'zh')).toContain('：Ask finance about level C.'.slice(1));
  });

  it('shows each language of a localized note, and English where the Chinese is missing', () => {
    const parsed = parseFlow(withNotes([{ en: 'Who signs above 1M?', zh: '超过一百万由谁签字？' }, { en: 'Only English here.' }]), catalog);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const en = toSop(parsed.value, catalog, 'en');
    const zh = toSop(parsed.value, catalog, 'zh');
    expect(en).toContain('Who signs above 1M?');
    expect(en).not.toContain('超过一百万由谁签字？');
    expect(zh).toContain('超过一百万由谁签字？');
    expect(zh).not.toContain('Who signs above 1M?');
    expect(zh).toContain('Only English here.');
  });

  it('refuses a note that is neither text nor {en, zh}, naming the step', () => {
    const parsed = parseFlow(withNotes([{ zh: '只有中文' }, 42, { en: 'x', zh: 'y', fr: 'z' }]), catalog);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.problems.map((p) => p.path);
    expect(paths.some((p) => p.startsWith('/nodes/2/notes/0'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/nodes/2/notes/1'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/nodes/2/notes/2'))).toBe(true);
    for (const p of parsed.problems) expect(p.message).toContain("'check'");
  });

  it('compares notes in the reader’s language', () => {
    const before = parseFlow(withNotes(['Old note']), catalog);
    const after = parseFlow(withNotes([{ en: 'New note', zh: '新备注' }]), catalog);
    if (!before.ok || !after.ok) throw new Error('fixtures do not parse');
    const zh = compareFlows(before.value, after.value, { catalog, locale: 'zh' }).changes.map((c) => c.text).join('\n');
    expect(zh).toContain('新备注');
    expect(zh).not.toContain('New note');
    const en = compareFlows(before.value, after.value, { catalog, locale: 'en' }).changes.map((c) => c.text).join('\n');
    expect(en).toContain('New note');
  });
});
