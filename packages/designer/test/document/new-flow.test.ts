import { describe, expect, it } from 'vitest';
import { parseFlow } from '@crm/flow-runtime';
import { blankFlow, copyFlow, flowIdFromName, flowName, nextVersion, planImport, readFlowBlob, readFlowFile, type KnownFlow } from '../../src/document/new-flow.js';
import { loadPinyin } from '../../src/document/pinyin.js';
import { catalog as testCatalog } from '../fixtures/catalog.js';
import { smallFlow } from '../fixtures/flow.js';

describe('flowIdFromName', () => {
  it('makes a lower-case id from the English words', () => {
    expect(flowIdFromName({ en: 'Return & Refund' }, [])).toBe('return-refund');
    expect(flowIdFromName('  Warranty claim (v2) ', [])).toBe('warranty-claim-v2');
  });

  it('never reuses an id in use: -2, -3 …', () => {
    expect(flowIdFromName({ en: 'Return refund' }, ['return-refund'])).toBe('return-refund-2');
    expect(flowIdFromName({ en: 'Return refund' }, ['return-refund', 'return-refund-2'])).toBe('return-refund-3');
  });

  it('gives a Chinese-only name the stem "flow", and ids always start with a letter', () => {
    expect(flowIdFromName('退货退款', [])).toBe('flow');
    expect(flowIdFromName('退货退款', ['flow'])).toBe('flow-2');
    expect(flowIdFromName('2026 returns', [])).toBe('returns');
    expect(flowIdFromName('Überprüfung', [])).toBe('uberprufung');
  });

  it('gives a Chinese-only name a pinyin id when the designer romanizes it, unique like any other', async () => {
    const romanize = await loadPinyin();
    expect(flowIdFromName('退货退款', [], romanize)).toBe('tui-huo-tui-kuan');
    expect(flowIdFromName('退货退款', ['tui-huo-tui-kuan'], romanize)).toBe('tui-huo-tui-kuan-2');
    expect(flowIdFromName('绿色通道 2', [], romanize)).toBe('lv-se-tong-dao-2');
    expect(flowIdFromName('VIP 退货', [], romanize)).toBe('vip-tui-huo');
    // an English name is never romanized
    expect(flowIdFromName({ en: 'Return refund' }, [], romanize)).toBe('return-refund');
    const flow = blankFlow({ name: { en: '退货退款', zh: '退货退款' }, departments: ['sales'], taken: [], romanize });
    expect(flow.id).toBe('tui-huo-tui-kuan');
  });

  it('keeps ids within the schema limit', () => {
    const id = flowIdFromName('word '.repeat(40), []);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(id).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
  });
});

describe('flowName', () => {
  it('uses the Chinese name for the required English one when only Chinese is typed', () => {
    expect(flowName('', '退货退款')).toEqual({ en: '退货退款', zh: '退货退款' });
    expect(flowName('Returns', '')).toEqual({ en: 'Returns' });
    expect(flowName(' ', ' ')).toBeUndefined();
  });
});

describe('blankFlow', () => {
  it('starts at version 1 with the picked departments as lanes, a start and an end in the first', () => {
    const flow = blankFlow({ name: { en: 'Return refund', zh: '退货退款' }, departments: ['warehouse', 'sales', 'finance'], taken: ['new-order'], catalog: testCatalog });
    expect(flow.id).toBe('return-refund');
    expect(flow.version).toBe(1);
    expect(flow.layout?.lanes?.map((l) => l.department)).toEqual(['warehouse', 'sales', 'finance']);
    expect(flow.nodes.map((n) => [n.kind, n.department])).toEqual([
      ['start', 'warehouse'],
      ['end', 'warehouse'],
    ]);
    expect(flow.edges).toEqual([]);
    // a valid definition as it stands
    expect(parseFlow(flow, testCatalog).ok).toBe(true);
  });

  it('refuses no department, and a department the catalog does not have, naming it', () => {
    expect(() => blankFlow({ name: { en: 'X' }, departments: [], taken: [] })).toThrow(/at least one department/);
    expect(() => blankFlow({ name: { en: 'X' }, departments: ['sales', 'legal'], taken: [], catalog: testCatalog })).toThrow(/'legal'/);
  });

  it('takes a unique id when the name is already used', () => {
    expect(blankFlow({ name: { en: 'Small' }, departments: ['sales'], taken: ['small'] }).id).toBe('small-2');
  });
});

describe('copyFlow', () => {
  it('copies the steps under a new name and id at version 1, whatever version it came from', () => {
    const source = { ...smallFlow(), version: 7, deployOverride: { reason: 'x', acceptedBy: 'sun.hao', findings: [] } } as never;
    const copy = copyFlow(source, { name: { en: 'Small approval (EU)' }, taken: ['small'] });
    expect(copy.id).toBe('small-approval-eu');
    expect(copy.version).toBe(1);
    expect(copy.name).toEqual({ en: 'Small approval (EU)' });
    expect(copy.nodes).toEqual(smallFlow().nodes);
    expect('deployOverride' in copy).toBe(false);
    // the source is left alone
    expect(copy.nodes).not.toBe(smallFlow().nodes);
  });
});

describe('planImport', () => {
  const known: KnownFlow[] = [
    { flowId: 'small', name: { en: 'Small approval' }, latest: 2 },
    { flowId: 'credit', name: { en: 'Credit review' }, latest: 3, draft: { version: 4, name: { en: 'Credit review' }, updatedAt: 1, updatedBy: 'Zhang Min' } },
    { flowId: 'fresh', name: { en: 'Fresh' }, draft: { version: 1, name: { en: 'Fresh' } } },
  ];

  it('never trusts the file version: the next draft of its flow', () => {
    const plan = planImport({ ...smallFlow(), version: 7 }, known);
    expect(plan).toMatchObject({ kind: 'new-draft', fileVersion: 7, target: { flowId: 'small' } });
    expect(plan.flow.version).toBe(3);
  });

  it('says when it replaces a draft, at the version the draft had', () => {
    const plan = planImport({ ...smallFlow(), id: 'credit', version: 1 }, known);
    expect(plan.kind).toBe('replace-draft');
    expect(plan.flow.version).toBe(4);
    expect(plan.target?.draft?.updatedBy).toBe('Zhang Min');
  });

  it('an unknown id becomes a new flow at version 1', () => {
    const plan = planImport({ ...smallFlow(), id: 'warranty-claim', version: 5 }, known);
    expect(plan).toMatchObject({ kind: 'new-flow', fileVersion: 5 });
    expect(plan.flow.version).toBe(1);
    expect(plan.target).toBeUndefined();
  });

  it('a draft-only flow stays at version 1', () => {
    expect(planImport({ ...smallFlow(), id: 'fresh', version: 9 }, known).flow.version).toBe(1);
  });
});

describe('nextVersion', () => {
  it('is one above the newest published version, 1 for a new flow', () => {
    expect(nextVersion(undefined)).toBe(1);
    expect(nextVersion(0)).toBe(1);
    expect(nextVersion(6)).toBe(7);
  });
});

describe('readFlowFile', () => {
  it('reads a flow, and names what is wrong with a file that is not one', () => {
    const ok = readFlowFile(JSON.stringify(smallFlow()));
    expect(ok.ok && ok.flow.id).toBe('small');
    const bad = readFlowFile('{"id": "x",');
    expect(bad.ok).toBe(false);
    const notFlow = readFlowFile('{"id": "x"}');
    expect(notFlow.ok).toBe(false);
    expect(!notFlow.ok && notFlow.message.length).toBeGreaterThan(0);
  });
});

// Fourth red-team pass: a flow file of the right shape went into the editor (and the demo's drafts)
// with two steps of one id — every command addresses a step by id — or with text no store keeps
// (a NUL, half a surrogate pair: the draft could never be published); a 1 GB file was read whole
// before its size was looked at. Refused now, naming what is wrong in the reader's language.
describe('readFlowFile on hostile files', () => {
  const f = smallFlow();
  const second = f.nodes[1]!;
  it.each([
    ['two steps with one id', { ...f, nodes: [...f.nodes, { ...second, name: { en: 'Again', zh: '再次' } }] }, 'FLOW_E020', /used twice|more than once/, /编号/],
    ['two connections with one id', { ...f, edges: [...f.edges, { ...f.edges[0]!, id: f.edges[0]!.id }] }, 'FLOW_E020', /used twice|more than once/, /编号/],
    ['a NUL in a name', { ...f, name: { en: 'Order\u0000', zh: '订单' } }, 'FLOW_E017', /NUL/, /存储/],
    ['half a surrogate pair in a step name', { ...f, nodes: f.nodes.map((n, i) => (i === 1 ? { ...n, name: { en: 'x\uD800', zh: 'y' } } : n)) }, 'FLOW_E017', /surrogate/, /存储/],
  ])('%s: refused, naming it in en and zh', (_, flow, code, en, zh) => {
    const text = JSON.stringify(flow);
    const read = readFlowFile(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem?.code).toBe(code);
    expect(read.message).toMatch(en);
    const inZh = readFlowFile(text, 'zh');
    expect(!inZh.ok && inZh.message).toMatch(zh);
    expect(!inZh.ok && inZh.message).not.toMatch(/[a-z]{4,} [a-z]{4,}/);
  });

  it('wrong types, 100,000-deep nesting and __proto__ keys are refused with what is wrong; a connection to a missing step is imported for the editor to show', () => {
    expect(readFlowFile(JSON.stringify({ ...f, version: '1' }))).toMatchObject({ ok: false, message: expect.stringMatching(/version/) });
    expect(readFlowFile('['.repeat(100_000) + ']'.repeat(100_000))).toMatchObject({ ok: false, problem: { code: 'FLOW_E003' } });
    expect(readFlowFile(JSON.stringify(f).replace('{', '{"__proto__":{"x":1},'))).toMatchObject({ ok: false, message: expect.stringMatching(/__proto__/) });
    const zh = readFlowFile('{"id": "x",', 'zh');
    expect(!zh.ok && zh.message).toMatch(/JSON/);
    const loose = readFlowFile(JSON.stringify({ ...f, edges: [...f.edges, { id: 'ex', source: f.nodes[0]!.id, target: 'nope' }] }));
    expect(loose.ok).toBe(true);
  });

  it('a file larger than a definition may be is refused from its size, without being read', async () => {
    const huge = { size: 1_000_000_000, text: () => Promise.reject(new Error('read whole')) };
    const read = await readFlowBlob(huge, 'zh');
    expect(read).toMatchObject({ ok: false, problem: { code: 'FLOW_E002' } });
    expect(!read.ok && read.message).toMatch(/大小/);
    expect((await readFlowBlob(new Blob([JSON.stringify(f)]))).ok).toBe(true);
  });
});
