// Problem paths always resolve in the input (issue 15.7): duplicate ids do not
// send a problem to the first element with that id, and a missing property is
// reported as missing.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogOrThrow, parseFlow, type Problem } from '../../src/index.js';
import { PACKAGE_DIR } from '../paths.js';

/** Follows a JSON pointer; a path to a missing property resolves when its parent does. */
function resolves(input: unknown, pointer: string, missing: boolean): boolean {
  if (pointer === '') return true;
  const segments = pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let cur: unknown = input;
  for (let i = 0; i < segments.length; i++) {
    if (cur === null || typeof cur !== 'object') return false;
    const key = segments[i]!;
    if (!Object.prototype.hasOwnProperty.call(cur, key)) return missing && i === segments.length - 1;
    cur = (cur as Record<string, unknown>)[key];
  }
  return true;
}

const flow = {
  id: 'x',
  version: 1,
  name: { en: 'X' },
  data: { amount: { type: 'number' }, note: {} },
  nodes: [
    { id: 's', kind: 'start', name: { en: 'S' } },
    { id: 'd', kind: 'decision', name: { en: 'D' } },
    { id: 'a', kind: 'end', name: { en: 'A' } },
    { id: 'b', kind: 'end', name: { en: 'B' } },
  ],
  edges: [
    { id: 'e0', source: 's', target: 'd' },
    { id: 'e1', source: 'd', target: 'a', guard: { '>': [{ var: 'amount' }, 1] } },
    { id: 'e1', source: 'd', target: 'b', guard: { method: [{ var: 'amount' }, 'x'] } },
  ],
};

describe('problem paths', () => {
  it("two edges named 'e1': the second edge's guard problem points at the second edge", () => {
    const r = parseFlow(flow);
    const guard = r.problems.find((p) => p.code === 'FLOW_E030')!;
    expect(guard.path.startsWith('/edges/2/guard')).toBe(true);
    expect(resolves(flow, guard.path, false)).toBe(true);
  });

  it('a variable without a type is reported as missing its type', () => {
    const p = parseFlow(flow).problems.find((x) => x.path === '/data/note/type')!;
    expect(p.code).toBe('FLOW_E010');
    expect(p.message).toBe("Variable 'note' is missing 'type'.");
  });

  it('every problem of every malformed fixture points into its input', () => {
    const dir = `${PACKAGE_DIR}test/fixtures/invalid/`;
    const catalog = parseCatalogOrThrow(JSON.parse(readFileSync(`${PACKAGE_DIR}test/fixtures/mini-catalog.json`, 'utf8')));
    let checked = 0;
    for (const file of readdirSync(dir).filter((f) => f.startsWith('flow-') && f.endsWith('.json'))) {
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(dir + file, 'utf8'));
      } catch {
        continue;
      }
      const r = parseFlow(input, catalog);
      for (const p of r.problems as Problem[]) {
        expect(resolves(input, p.path, p.code === 'FLOW_E010'), `${file}: ${p.path} (${p.code})`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
