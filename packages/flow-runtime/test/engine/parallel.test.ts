import { describe, expect, it } from 'vitest';
import { finance, manager, parallelFlow, sales } from './fixtures.js';
import { testEngine } from './helpers.js';

describe('parallel and join', () => {
  it('opens every branch at once and waits at the join for all of them', async () => {
    const { engine } = await testEngine([parallelFlow]);
    const { instance } = await engine.start('parallel', { actor: sales });
    const id = instance.instanceId;
    const [a] = await engine.tasks(id, { actor: sales });
    const [b] = await engine.tasks(id, { actor: finance });
    expect([a?.nodeId, b?.nodeId]).toEqual(['ta', 'tb']);

    await engine.complete(id, b!.taskId, { actor: finance, data: { b: 'done' } });
    // one branch done: nothing after the join yet
    expect(await engine.tasks(id, { actor: manager })).toEqual([]);
    const mid = await engine.instance(id);
    expect(Object.values(mid.tokens).map((t) => t.nodeId).sort()).toEqual(['join', 'ta']);

    const { events } = await engine.complete(id, a!.taskId, { actor: sales, data: { a: 'done' } });
    expect(events.filter((e) => e.type === 'token.joined')).toHaveLength(1);
    const [after] = await engine.tasks(id, { actor: manager });
    expect(after?.nodeId).toBe('after');
    const end = await engine.complete(id, after!.taskId, { actor: manager });
    expect(end.instance.status).toBe('completed');
    expect(end.instance.families).toEqual({});
  });
});
