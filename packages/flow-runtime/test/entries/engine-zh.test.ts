// The small `/engine` entry's catalog is English; `@crm/flow-runtime/engine/zh` gives it its Chinese.
// This file imports no root module, so nothing else has added the Chinese before the import below.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine, createMemoryStore, formatEngineText, isEngineError, type EngineError } from '../../src/engine-entry.js';

const flow = {
  id: 'approve',
  version: 1,
  name: { en: 'Approve', zh: '审批' },
  nodes: [
    { id: 'start', kind: 'start' as const, name: { en: 'Start' } },
    { id: 'check', kind: 'task' as const, name: { en: 'Credit check', zh: '信用审核' }, roles: ['finance'] },
    { id: 'end', kind: 'end' as const, name: { en: 'End' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'check' },
    { id: 'e2', source: 'check', target: 'end' },
  ],
};

async function refusedCompletion(): Promise<EngineError> {
  const engine = createEngine({ store: createMemoryStore() });
  await engine.deploy(flow, { actor: { id: 'admin', roles: ['admin'] } });
  const { instance } = await engine.start('approve', { actor: { id: 'sam', roles: ['finance'] } });
  const taskId = Object.keys(instance.tasks)[0]!;
  const err = await engine.complete(instance.instanceId, taskId, { actor: { id: 'ann', roles: ['sales'] } }).catch((e: unknown) => e);
  if (!isEngineError(err)) throw new Error('expected a refusal');
  return err;
}

describe('the engine entry in Chinese', () => {
  it('speaks English until its Chinese is imported, then Chinese in refusals and history', async () => {
    const err = await refusedCompletion();
    expect(err.code).toBe('NOT_PERMITTED');
    // No Chinese yet: English, not a key and not an empty text.
    expect(formatEngineText(err.code, err.details, { locale: 'zh' })).toMatch(/^Only .+ may do/);
    const { ENGINE_TEXTS_ZH } = await import('../../src/engine-zh.js');
    // Passed as texts, or added for the whole process by the import itself.
    expect(formatEngineText(err.code, err.details, { locale: 'zh', texts: ENGINE_TEXTS_ZH })).toMatch(/^只有.+可以处理“信用审核”/);
    expect(formatEngineText(err.code, err.details, { locale: 'zh' })).toMatch(/^只有.+可以处理“信用审核”/);
    expect(formatEngineText(err.code, err.details)).toMatch(/^Only .+ may do 'Credit check'/);
    const engine = createEngine({ store: createMemoryStore() });
    await engine.deploy(flow, { actor: { id: 'admin', roles: ['admin'] } });
    const { instance } = await engine.start('approve', { actor: { id: 'sam', roles: ['finance'] } });
    const history = await engine.history(instance.instanceId, { locale: 'zh' });
    for (const h of history) expect(h.summary, h.type).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has a Chinese text for every English one, and no Chinese without its English', async () => {
    const { ENGINE_TEXTS } = await import('../../src/engine-entry.js');
    const { ENGINE_TEXTS_ZH } = await import('../../src/engine-zh.js');
    expect(Object.keys(ENGINE_TEXTS_ZH).sort()).toEqual(Object.keys(ENGINE_TEXTS).sort());
  });

  // The Chinese is a list in the catalog's order (its keys would cost the bundle ~1 KB gzip): a text
  // added to one table and not the other at the same place would shift every text after it.
  it('gives each key the Chinese written beside that key, saying the same parts as its English', async () => {
    const { ENGINE_TEXTS } = await import('../../src/engine-entry.js');
    const { ENGINE_TEXTS_ZH } = await import('../../src/engine-zh.js');
    const source = readFileSync(new URL('../../src/engine/texts/zh.ts', import.meta.url), 'utf8');
    const written = [...source.slice(source.indexOf('const ZH')).matchAll(/^ {2}\/\* (\S+) \*\/ /gm)].map((m) => m[1]);
    expect(written).toEqual(Object.keys(ENGINE_TEXTS));
    const parts = (t: unknown) =>
      new Set([...String(t).matchAll(/\{(\w+)\}|\ba\.(?:s|raw)\.(\w+)|\ba\.has\('(\w+)'\)/g)].map((m) => m[1] ?? m[2] ?? m[3]));
    for (const [key, { en }] of Object.entries(ENGINE_TEXTS)) {
      const zh = parts(ENGINE_TEXTS_ZH[key]!.zh);
      const said = parts(en);
      for (const part of zh) expect(said.has(part) || key.startsWith('problem'), `${key}: Chinese says {${part}}, English does not`).toBe(true);
    }
  });
});
