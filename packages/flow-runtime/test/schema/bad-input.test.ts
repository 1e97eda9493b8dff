import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogOrThrow, parseCatalogText, parseFlow, parseFlowText, PROBLEM_CODES, type Problem } from '../../src/index.js';
import { PACKAGE_DIR } from '../paths.js';

interface Expected {
  file: string;
  kind: 'flow' | 'catalog';
  what: string;
  code: string;
  path: string;
}

const fixtures = `${PACKAGE_DIR}test/fixtures/`;
const catalog = parseCatalogOrThrow(JSON.parse(readFileSync(`${fixtures}mini-catalog.json`, 'utf8')));
const expected = JSON.parse(readFileSync(`${fixtures}invalid/expected.json`, 'utf8')) as Expected[];

function expectWellFormed(problems: Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(Object.keys(PROBLEM_CODES)).toContain(p.code);
    expect(p.path === '' || p.path.startsWith('/')).toBe(true);
    expect(p.message.length).toBeGreaterThan(10);
    // a message names what is wrong; it never dumps a huge input back
    expect(p.message.length).toBeLessThan(600);
  }
}

describe('malformed definitions are rejected with the expected code and path', () => {
  it('has at least 30 fixtures', () => {
    expect(expected.length).toBeGreaterThanOrEqual(30);
  });

  it.each(expected.map((e) => [e.file, e] as const))('%s', (_file, e) => {
    const text = readFileSync(`${fixtures}invalid/${e.file}`, 'utf8');
    const result = e.kind === 'flow' ? parseFlowText(text, catalog) : parseCatalogText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expectWellFormed(result.problems);
    expect(result.problems.map((p) => `${p.code} ${p.path}`)).toContain(`${e.code} ${e.path}`);
  });
});

describe('hostile input', () => {
  const base = JSON.parse(readFileSync(`${fixtures}mini-flow.json`, 'utf8')) as Record<string, unknown>;

  it('a 10 MB string is refused by length, without echoing it', () => {
    const flow = { ...base, name: { en: 'x'.repeat(10_000_000) } };
    const result = parseFlowText(JSON.stringify(flow), catalog);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expectWellFormed(result.problems);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'FLOW_E014', path: '/name/en' }));
    expect(result.problems[0]!.message).toMatch(/10000000 characters long/);
  });

  it('JSON nested 100,000 deep is refused before parsing', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const result = parseFlowText(text, catalog);
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'FLOW_E003', path: '' })] });
  });

  it('an already-parsed value nested 100,000 deep is refused without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const result = parseFlow({ ...base, description: deep }, catalog);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.code).toBe('FLOW_E003');
  });

  it('a 25 MB file is refused by size', () => {
    const result = parseFlowText(' '.repeat(25_000_000), catalog);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ code: 'FLOW_E002' });
  });

  it('__proto__ keys never reach Object.prototype', () => {
    const text = readFileSync(`${fixtures}invalid/flow-proto-key-in-node.json`, 'utf8');
    parseFlowText(text, catalog);
    const polluted = JSON.parse('{"__proto__": {"polluted": true}, "id": "x"}') as unknown;
    parseFlow(polluted, catalog);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).mandatory).toBeUndefined();
  });

  it('reports every problem at once, not the first one only', () => {
    const flow = JSON.parse(JSON.stringify(base)) as { nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };
    flow.nodes[1]!.window = 'nope';
    flow.nodes[2]!.roles = ['ghost'];
    flow.edges[1]!.target = 'nowhere';
    flow.nodes[3]!.kind = 'gateway';
    const result = parseFlow(flow, catalog);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code).sort()).toEqual(['FLOW_E015', 'FLOW_E021', 'FLOW_E023', 'FLOW_E024']);
  });
});
