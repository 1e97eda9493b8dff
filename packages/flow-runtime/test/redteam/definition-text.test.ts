// Third red-team pass: a definition holding text no store keeps alike — a NUL (U+0000) or half of a
// surrogate pair — in any string (step names, ids, rule literals, labels, keys) deployed on the
// memory store and failed on PostgreSQL only when stored. The format check refuses it up front
// (FLOW_E017 naming the path, in English and Chinese), so deploy fails alike on every store (the
// store contract runs it on memory, Dexie, PGlite and PostgreSQL) and `crm-flow validate` says so.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlow, parseFlowText } from '../../src/schema/parse-flow.js';
import { parseCatalog } from '../../src/schema/parse-catalog.js';
import { problemMessage } from '../../src/analysis/problem-messages.js';
import { PROBLEM_HINTS } from '../../src/analysis/problem-hints.js';
import { lintFlow } from '../../src/analysis/linter.js';
import { createEngine } from '../../src/engine/engine.js';
import { createEngine as createSmallEngine } from '../../src/engine-entry.js';
import { formatEngineText } from '../../src/engine/texts/format.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { runCli } from '../../src/cli/main.js';
import type { Flow } from '../../src/schema/flow.js';
import { catalog, orderFlow, admin } from '../engine/fixtures.js';
import { PACKAGE_DIR } from '../paths.js';

const BAD = [
  ['a NUL', 'A\u0000B', /a NUL character \(U\+0000\)/],
  ['a lone high surrogate', 'x\uD83D', /half of a surrogate pair \(U\+D83D alone\)/],
  ['a lone low surrogate', '\uDE9Ay', /half of a surrogate pair \(U\+DE9A alone\)/],
] as const;

/** Where a bad text goes, and the JSON pointer the problem must name. */
const PLACES: Array<[string, (f: Flow & Record<string, unknown>, bad: string) => void, (bad: string) => string]> = [
  ['a step name (en)', (f, b) => void (f.nodes[1]!.name = { en: `Order ${b}`, zh: '录入' }), () => '/nodes/1/name/en'],
  ['a step name (zh)', (f, b) => void (f.nodes[2]!.name = { en: 'Credit', zh: `信用${b}` }), () => '/nodes/2/name/zh'],
  ['a rule literal', (f, b) => void (f.edges[3]!.guard = { '==': [{ var: 'note' }, `ok${b}`] }), () => '/edges/3/guard/==/1'],
  ['an edge label', (f, b) => void (f.edges[4]!.label = { en: `no${b}` }), () => '/edges/4/label/en'],
  ['a control message', (f, b) => void (f.controls![0]!.message = { en: 'Near', zh: `接近${b}` }), () => '/controls/0/message/zh'],
  ['a step id', (f, b) => void (f.nodes[5]!.id = `ship${b}`), () => '/nodes/5/id'],
  ['a data variable name (a key)', (f, b) => void (f.data[`note${b}`] = { type: 'string' }), (b) => `/data/note${b}`],
];

function flowWith(place: (f: Flow & Record<string, unknown>, bad: string) => void, bad: string): Flow {
  const f = structuredClone(orderFlow) as Flow & Record<string, unknown>;
  place(f, bad);
  return f;
}

describe('text no store keeps, anywhere in a definition, is refused by the format check', () => {
  for (const [what, bad, why] of BAD) {
    for (const [where, place, pointer] of PLACES) {
      it(`${what} in ${where}: FLOW_E017 at its path, in English and Chinese`, () => {
        const r = parseFlow(flowWith(place, bad), catalog);
        expect(r.ok).toBe(false);
        const found = r.problems.filter((p) => p.code === 'FLOW_E017');
        expect(found).toHaveLength(1);
        const p = found[0]!;
        // The pointer resolves in the input (a bad key is in it as written); the message shows it escaped.
        expect(p.path).toBe(pointer(bad));
        const shown = where.includes('key') ? JSON.stringify(p.path).slice(1, -1) : p.path;
        expect(p.message).toContain(`at ${shown} holds`);
        expect(p.message).toMatch(why);
        // The message itself is plain text: the bad character is shown escaped, never copied.
        expect(p.message.includes('\u0000') || /[\uD800-\uDFFF]/.test(p.message)).toBe(false);
        const zh = problemMessage(p, 'zh');
        expect(zh).toContain(shown);
        expect(zh).toMatch(/任何存储都无法保存/);
        expect(zh).not.toMatch(/no store keeps/);
        expect(PROBLEM_HINTS.FLOW_E017.zh).toBeTruthy();
        // lint (and so the designer's problem list) reports it too, in the reader's language.
        const lint = lintFlow(flowWith(place, bad), catalog, { locale: 'zh' }).diagnostics.filter((d) => d.rule === 'FLOW_E017');
        expect(lint).toHaveLength(1);
        expect(lint[0]!.severity).toBe('error');
        expect(lint[0]!.message).toMatch(/任何存储都无法保存/);
      });
    }
  }

  it('the same flow without the bad character parses (the check does not refuse good text: emoji, CJK, escapes)', () => {
    const f = flowWith((g) => void (g.nodes[1]!.name = { en: 'Order 🚚 \t "q" \\ é', zh: '录入 🚚' }), '');
    expect(parseFlow(f, catalog)).toMatchObject({ ok: true });
  });

  it('reads the escapes from JSON text as well, and lists many at most 50 times plus a count', () => {
    const text = JSON.stringify(flowWith((f) => void (f.nodes[1]!.name = { en: 'Order\u0000' }), '')).replace('Order\\u0000', 'Order\\u0000');
    expect(text).toContain('\\u0000');
    const r = parseFlowText(text, catalog);
    expect(r.ok || r.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['FLOW_E017 /nodes/1/name/en']);
    const many = structuredClone(orderFlow) as Flow & Record<string, unknown>;
    many.edges[3]!.guard = { in: [{ var: 'note' }, Array.from({ length: 120 }, (_, i) => `n${i}\u0000`)] };
    const found = parseFlow(many, catalog).problems.filter((p) => p.code === 'FLOW_E017');
    expect(found).toHaveLength(51);
    expect(found.find((p) => p.path === '')?.message).toBe('70 more texts or keys hold a character no store keeps (only the first 50 are listed).');
    expect(problemMessage(found.find((p) => p.path === '')!, 'zh')).toBe('另有 70 处文本或键含有任何存储都无法保存的字符（只列出前 50 处）。');
  });

  it('a catalog field label holding one is refused too', () => {
    const c = structuredClone(catalog);
    c.entities[0]!.fields[0]!.name = { en: 'Name\u0000', zh: '名称' };
    const r = parseCatalog(c);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => `${p.code} ${p.path}`)).toContain('FLOW_E017 /entities/0/fields/0/name/en');
  });
});

describe('deploy refuses it before the store, on either entry', () => {
  for (const [what, bad] of BAD) {
    it(`${what}: INVALID_FLOW naming the path, nothing stored (root entry and the small /engine entry)`, async () => {
      // The small entry's shape check finds it without naming where (parseFlow, run where flows are made, does).
      for (const [make, at] of [
        [createEngine, '/edges/3/guard/==/1'],
        [createSmallEngine, ''],
      ] as const) {
        const store = createMemoryStore();
        const engine = make({ store, catalog });
        const e = await engine.deploy(flowWith(PLACES[2]![1], bad), { actor: admin }).then(
          () => undefined,
          (x: { code?: string; message: string; details?: { problems?: { code: string; path: string }[] } }) => x,
        );
        expect(e?.code).toBe('INVALID_FLOW');
        expect(e?.details?.problems?.map((p) => `${p.code} ${p.path}`)).toEqual([`FLOW_E017 ${at}`]);
        expect(e?.message).toContain(at || 'NUL or half of a surrogate pair');
        const text = (e as unknown as { details: { text: Parameters<typeof formatEngineText>[0] } }).details.text;
        expect(formatEngineText(text, { locale: 'zh' })).toMatch(at ? /\/edges\/3\/guard\/==\/1/ : /存储无法保存/);
        expect(await store.definitions({})).toEqual([]);
      }
    });
  }
});

describe("the small entry's check reads escapes, not look-alikes", () => {
  it('deploys text that only looks like an escape (a backslash before u0000) and whole emoji pairs', async () => {
    const engine = createSmallEngine({ store: createMemoryStore(), catalog });
    const flow = flowWith((f) => void (f.nodes[1]!.name = { en: 'C:\\u0000 \\\\ud800 🚚', zh: '录入 🚚' }), '');
    expect((await engine.deploy(flow, { actor: admin })).created).toBe(true);
    // Backslashes before a real NUL: still a NUL.
    const bad = flowWith((f) => void (f.nodes[1]!.name = { en: `\\${'\u0000'}` }), '');
    expect(await engine.deploy({ ...bad, version: 2 }, { actor: admin }).then(() => 'deployed', (e: { code: string }) => e.code)).toBe('INVALID_FLOW');
    // A value that is not JSON at all (a cycle) is refused too, not thrown as a TypeError.
    const cyclic = flowWith(() => undefined, '') as Flow & { self?: unknown };
    cyclic.self = cyclic;
    expect(await engine.deploy({ ...cyclic, version: 3 }, { actor: admin }).then(() => 'deployed', (e: { code: string }) => e.code)).toBe('INVALID_FLOW');
  });
});

describe('crm-flow validate', () => {
  it('exits 1 naming the path of a NUL written as \\u0000 in the file, in English and Chinese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flow-nul-'));
    const file = join(dir, 'flow.json');
    const flow = JSON.parse(readFileSync(`${PACKAGE_DIR}test/fixtures/mini-flow.json`, 'utf8')) as { nodes: { name: { en: string } }[] };
    flow.nodes[1]!.name.en += '\u0000';
    writeFileSync(file, JSON.stringify(flow, null, 2));
    for (const locale of ['en', 'zh']) {
      let out = '';
      const io = { isTty: false, out: (t: string) => void (out += `${t}\n`), err: (t: string) => void (out += `${t}\n`), readFile: (p: string) => readFileSync(p, 'utf8') };
      const code = await runCli(['validate', file, '--catalog', `${PACKAGE_DIR}test/fixtures/mini-catalog.json`, '--locale', locale], io);
      expect(code).toBe(1);
      expect(out).toContain('FLOW_E017');
      expect(out).toContain('/nodes/1/name/en');
      expect(out).toMatch(locale === 'en' ? /a NUL character \(U\+0000\), which no store keeps/ : /空字符（U\+0000）/);
    }
  });
});
