import { describe, expect, it } from 'vitest';
import { randomId } from '../../src/engine/random-id.js';
import { createEngine, createMemoryStore } from '../../src/index.js';

describe('the default id', () => {
  it('is a version-4 UUID, different every time, across many batches of random bytes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const id = randomId();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(20_000);
  });

  it('uses every hex digit in every random position (no stuck bits)', () => {
    const digits = Array.from({ length: 36 }, () => new Set<string>());
    for (let i = 0; i < 2_000; i++) [...randomId()].forEach((c, at) => digits[at]!.add(c));
    digits.forEach((set, at) => {
      if ([8, 13, 18, 23].includes(at)) expect([...set]).toEqual(['-']);
      else if (at === 14) expect([...set]).toEqual(['4']);
      else if (at === 19) expect(set.size).toBe(4);
      else expect(set.size).toBe(16);
    });
  });

  it('names the instances an engine starts when the host gives no id generator', async () => {
    const engine = createEngine({ store: createMemoryStore() });
    await engine.deploy(
      {
        id: 'f',
        version: 1,
        name: { en: 'F' },
        data: {},
        nodes: [
          { id: 's', kind: 'start', name: { en: 'S' } },
          { id: 't', kind: 'task', name: { en: 'T' } },
          { id: 'e', kind: 'end', name: { en: 'E' } },
        ],
        edges: [
          { id: 'a', source: 's', target: 't' },
          { id: 'b', source: 't', target: 'e' },
        ],
      },
      { actor: { id: 'admin', roles: ['admin'] } },
    );
    const a = await engine.start('f', { actor: { id: 'u', roles: [] } });
    const b = await engine.start('f', { actor: { id: 'u', roles: [] } });
    expect(a.instance.instanceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(a.instance.instanceId).not.toBe(b.instance.instanceId);
  });
});
