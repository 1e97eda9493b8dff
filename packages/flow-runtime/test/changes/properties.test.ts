// Property: whatever lifecycle commands random actors issue, in whatever order, no version is ever
// published (deployed) without a submission approved by an administrator who did not author it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChangeControl } from '../../src/changes/control.js';
import { isEngineError } from '../../src/engine/errors.js';
import type { ChangeEvent } from '../../src/changes/types.js';
import type { Flow } from '../../src/schema/flow.js';
import { catalog, orderFlow } from '../engine/fixtures.js';
import { HOUR, testEngine } from '../engine/helpers.js';

const actors = [
  { id: 'kim', roles: ['key-user'] },
  { id: 'ada', roles: ['admin'] },
  { id: 'bob', roles: ['admin'] },
  { id: 'sam', roles: ['sales-rep'] },
];
/** Version 3 has a lint error (an unreachable step): it may be submitted, never approved. */
const flows: Flow[] = [
  { ...orderFlow, version: 2, name: { en: 'Order v2' } },
  { ...orderFlow, version: 3, edges: orderFlow.edges.map((e) => (e.id === 'e2' ? { ...e, target: 'enough' } : e)) },
  { ...orderFlow, version: 4, name: { en: 'Order v4' } },
];

const command = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constantFrom('draft', 'submit', 'approve', 'publish'), weight: 4 },
    { arbitrary: fc.constantFrom('sendBack', 'publishLater', 'tick', 'retire', 'republish'), weight: 1 },
  ),
  actor: fc.integer({ min: 0, max: actors.length - 1 }),
  version: fc.oneof({ arbitrary: fc.constant(2), weight: 4 }, { arbitrary: fc.constantFrom(1, 3, 4), weight: 1 }),
  advance: fc.integer({ min: 0, max: 3 }),
});

/** Replays the log and checks each publication of a new definition follows an approval by a non-author after the last draft. */
function checkLog(log: ChangeEvent[]): void {
  const authors = new Map<number, Set<string>>();
  const approvedBy = new Map<number, string | undefined>();
  for (const e of log) {
    if (e.type === 'drafted') {
      authors.set(e.version, new Set([...(authors.get(e.version) ?? []), e.by.id]));
      approvedBy.set(e.version, undefined);
    }
    if (e.type === 'submitted') authors.get(e.version)!.add(e.by.id);
    if (e.type === 'sent-back') approvedBy.set(e.version, undefined);
    if (e.type === 'approved') approvedBy.set(e.version, e.by.id);
    if (e.type === 'published' && e.republishOf === undefined) {
      const approver = approvedBy.get(e.version);
      expect(approver, `version ${e.version} published without approval`).toBeDefined();
      expect(authors.get(e.version)!.has(approver!)).toBe(false);
      expect(['ada', 'bob']).toContain(approver);
      expect(['ada', 'bob']).toContain(e.by.id);
    }
  }
}

describe('change control: property', () => {
  it('a random sequence of lifecycle commands by random actors never publishes an unreviewed version', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 40, size: 'large' }), async (cmds) => {
        const t = await testEngine([orderFlow]);
        const changes = createChangeControl({ engine: t.engine, store: t.store, catalog, clock: t.clock, lint: { rules: { 'task-has-department': 'off' } } });
        for (const c of cmds) {
          const actor = actors[c.actor]!;
          const flow = flows.find((f) => f.version === c.version);
          t.clock.advance(c.advance * HOUR);
          try {
            if (c.kind === 'draft') await changes.draft(flow ?? orderFlow, { actor });
            else if (c.kind === 'submit') await changes.submit('order', c.version, { actor, note: { en: 'n', zh: '说明' } });
            else if (c.kind === 'approve') await changes.approve('order', c.version, { actor });
            else if (c.kind === 'sendBack') await changes.sendBack('order', c.version, { actor, reason: 'r' });
            else if (c.kind === 'publish') await changes.publish('order', c.version, { actor });
            else if (c.kind === 'publishLater') await changes.publish('order', c.version, { actor, at: t.clock.now() + 2 * HOUR });
            else if (c.kind === 'tick') await changes.tick();
            else if (c.kind === 'retire') await changes.retire('order', c.version, { actor, reason: 'r' });
            else await changes.republish('order', c.version, { actor, reason: 'r' });
          } catch (e) {
            if (!isEngineError(e)) throw e;
          }
        }
        const log = await changes.history('order');
        checkLog(log);
        // Every deployed version is the seed, a reviewed publication, or a republication of a deployed one.
        const published = new Set(log.filter((e) => e.type === 'published').map((e) => e.version));
        for (const d of await t.engine.definitions('order')) expect(d.version === 1 || published.has(d.version)).toBe(true);
        // The version with lint errors is never approved.
        expect(log.some((e) => e.version === 3 && e.type === 'approved' && log.some((d) => d.version === 3 && d.type === 'drafted' && d.seq < e.seq && d.flow?.edges.some((x) => x.id === 'e2' && x.target === 'enough')))).toBe(false);
      }),
      { numRuns: 150 },
    );
    // 150 random command sequences take ~4 s on a loaded 2-core machine: a budget far from the default 5 s.
  }, 60_000);
});
