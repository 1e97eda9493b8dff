// Lint never disagrees with validate or the engine, and one flaw gives one
// finding — checked on random single mutations of the sample flows (and of
// the clean tricky flows, which hold the parallel splits and joins the
// samples lack): a dropped or misdrawn connection, a typo in a role, window,
// department, field, variable or step reference, a record binding removed, a
// connection drawn twice, a second default branch, a condition removed, a
// step with no way in, a join with a way in too many or too few, a wait
// whose condition can never hold.
//
// For every mutated flow:
//  (a) every problem validate (parseFlow) reports is in lint with the same
//      code and path, and lint fails whenever validate does;
//  (b) when lint finds no error, the engine deploys the flow and runs the
//      sample's scenarios without a definition error (INVALID_FLOW,
//      UNSAFE_FLOW, NO_PATH, DEAD_END, LOOP_LIMIT …);
//  (c) when the engine refuses to deploy it, lint had an error;
//  (d) the mutation gives exactly one error — except where one edit makes two
//      distinct flaws, listed in TWO_FLAWS — and a mutation that may leave the
//      flow sound (removing a binding the window does not need, a guard or a
//      default flag a catch-all makes up for) gives at most one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASES, definitionErrors, line, verdicts } from './check.js';
import { MUTATION_KINDS, mutate, type MutationKind } from './mutations.js';

/** Mutations that always break exactly one thing. */
const ONE_FLAW: ReadonlySet<MutationKind> = new Set([
  'typo-role',
  'typo-window',
  'typo-department',
  'typo-field',
  'typo-variable',
  'typo-assign-target',
  'duplicate-edge',
  'second-default',
  'unreachable-node',
  'join-extra-in',
  'contradictory-wait',
  'typo-subflow',
  'typo-step-reference',
  'typo-record',
  'typo-task-path',
  'typo-edge-end',
  'second-start',
  'typo-option-value',
  'remove-roles',
  'remove-department',
  'edge-out-of-end',
]);

/**
 * Mutations that can leave the flow sound: a record binding the flow does
 * not need (one variable of the window's entity), a guard on the last branch
 * or a default flag (an unguarded last branch is a catch-all), a way into a
 * join that was a decision's alternative to the split (the join still waits
 * for every branch of the split).
 */
const MAYBE_FLAW: ReadonlySet<MutationKind> = new Set(['remove-record', 'remove-guard', 'remove-default', 'join-fewer-in']);

/**
 * One edit, two distinct flaws, each said where it is:
 * - drop-edge: the step it left no longer goes on (a dead end, a decision
 *   that no longer covers every case, a loop with no way out) AND the step
 *   it led to is cut off (when that was its only way in). Either may be
 *   missing (a loop back dropped, a step with other ways in).
 * - retarget-edge: a connection drawn to the wrong step is one taken away
 *   (the step it led to may be cut off) and one added (it may make a loop
 *   with no way out or that never stops, or bypass a mandatory step).
 */
const TWO_FLAWS: ReadonlySet<MutationKind> = new Set(['drop-edge', 'retarget-edge']);

const allKinds = [...ONE_FLAW, ...MAYBE_FLAW, ...TWO_FLAWS];

describe('lint, validate and the engine agree on single mutations of the sample flows', () => {
  it('every mutation kind is classified', () => {
    expect([...allKinds].sort()).toEqual([...MUTATION_KINDS].sort());
  });

  it('(a)–(d) hold for random single mutations', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: BASES.length - 1 }),
        fc.constantFrom(...MUTATION_KINDS),
        fc.nat({ max: 200 }),
        fc.nat({ max: 200 }),
        fc.constantFrom('en' as const, 'zh' as const),
        async (b, kind, x, y, locale) => {
          const base = BASES[b]!;
          const m = mutate(base.flow, kind, x, y);
          fc.pre(m !== undefined);
          const v = await verdicts(base, m!.flow, locale);
          const where = `${base.name}: ${m!.what}\n${v.lint.map((d) => `  ${d.severity} ${line(d)}`).join('\n')}`;
          // (a) every validate problem, same code and path; lint fails when validate does.
          const found = v.lint.filter((d) => d.code !== undefined).map((d) => `${d.code} ${d.path}`);
          for (const p of v.problems) expect(found, where).toContain(`${p.code} ${p.path}`);
          if (v.problems.length > 0) expect(v.lintOk, where).toBe(false);
          // (c) the engine refuses only what lint finds wrong.
          if (v.deployRefusal) expect(v.lintOk, `${where}\nengine: ${v.deployRefusal}`).toBe(false);
          // (b) a flow lint passes deploys and runs the scenarios without a definition error.
          if (v.lintOk) {
            expect(v.deployRefusal, where).toBeUndefined();
            expect(await definitionErrors(base, m!.flow), where).toEqual([]);
          }
          // (d) one flaw, one finding.
          const errors = v.lintErrors.length;
          if (ONE_FLAW.has(kind)) expect(errors, where).toBe(1);
          else if (MAYBE_FLAW.has(kind)) expect(errors, where).toBeLessThanOrEqual(1);
          else expect(errors, where).toBeLessThanOrEqual(2);
        },
      ),
      { numRuns: Number(process.env.AGREEMENT_RUNS ?? 150), ...(process.env.AGREEMENT_SEED ? { seed: Number(process.env.AGREEMENT_SEED), path: process.env.AGREEMENT_PATH, endOnFailure: true } : {}) },
    );
  }, 600_000);
});
