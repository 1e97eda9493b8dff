import { describe, expect, it } from 'vitest';
import type { Flow } from '@crm/flow-runtime';
import { Simulator } from '../../src/simulation/simulator.js';
import { traceLines } from '../../src/simulation/trace.js';
import { scenarioPeople, type SimulationScenario } from '../../src/simulation/types.js';
import { translator } from '../../src/i18n/index.js';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';

import scenariosJson from '../../../../examples/flows/scenarios/new-customer-approval.scenarios.json';
import complaintJson from '../../../../examples/flows/complaint-handling.json';
import reworkJson from '../../../../examples/flows/rework-order.json';
import newOrderJson from '../../../../examples/flows/new-order.json';
import creditReviewJson from '../../../../examples/flows/credit-limit-review.json';
import newOrderScenarios from '../../../../examples/flows/scenarios/new-order.scenarios.json';
import complaintScenarios from '../../../../examples/flows/scenarios/complaint-handling.scenarios.json';

const scenarios = scenariosJson as unknown as (SimulationScenario & { expect: { path: string[]; outcome: string } })[];

describe('Simulator', () => {
  for (const scenario of scenarios) {
    it(`walks "${scenario.name?.en}" on the real engine to its expected end`, async () => {
      // given the sample flow and a conference-room scenario
      const sim = await Simulator.start(newCustomerApproval(), sampleCatalog, scenario);
      // when it is stepped to the end
      const state = await sim.run();
      // then it ends with the scenario's outcome, having passed its path
      expect(state.instance.status).toBe('completed');
      expect(state.instance.outcome).toBe(scenario.expect.outcome);
      expect(state.instance.visited).toEqual(scenario.expect.path.filter((id) => state.instance.visited.includes(id)));
    });
  }

  it('names the sample scenario’s people in Chinese in a Chinese trace (ids stay English), and keeps their names per language when saved', async () => {
    // given a sample scenario whose actors have names per language
    const scenario = scenarios[0]!;
    expect(scenario.actors?.['sales-rep']).toEqual({ en: 'Li Na', zh: '李娜' });
    const sim = await Simulator.start(newCustomerApproval(), sampleCatalog, scenario);
    const state = await sim.run();
    // then the engine records the person by id, and the Chinese trace reads their Chinese name with full-width brackets
    expect(state.events.find((e) => e.type === 'task.completed')?.actor).toMatchObject({ id: 'Li Na' });
    const zh = traceLines(state.events, newCustomerApproval(), sampleCatalog, state.instance, 'zh', translator('zh'), scenarioPeople(scenario)).map((l) => l.text).join('\n');
    expect(zh).toContain('李娜（销售代表）');
    expect(zh).toContain('陈静（财务）');
    expect(zh).not.toMatch(/Li Na|Chen Jing|Wang Qiang/);
    const en = traceLines(state.events, newCustomerApproval(), sampleCatalog, state.instance, 'en', translator('en'), scenarioPeople(scenario)).map((l) => l.text).join('\n');
    expect(en).toContain('Li Na (Sales rep)');
    // and a run saved as a scenario keeps the names per language
    expect(sim.toScenario({ en: 'again' }).actors['sales-rep']).toEqual({ en: 'Li Na', zh: '李娜' });
  });

  it('names a referenced record by its name with its id, not the bare id, when the run holds it', async () => {
    const flow = structuredClone(newOrderJson) as unknown as Flow;
    const scenario = (newOrderScenarios as unknown as SimulationScenario[])[0]!;
    const sim = await Simulator.start(flow, sampleCatalog, scenario, [creditReviewJson as unknown as Flow]);
    const state = sim.current;
    const zh = traceLines(state.events, flow, sampleCatalog, state.instance, 'zh', translator('zh'), scenarioPeople(scenario)).map((l) => l.text).join('\n');
    expect(zh).toContain('苏州恒泰精密机械有限公司（C-0001）');
    expect(zh).not.toMatch(/→ C-0001/);
    const en = traceLines(state.events, flow, sampleCatalog, state.instance, 'en', translator('en')).map((l) => l.text).join('\n');
    expect(en).toContain('苏州恒泰精密机械有限公司 (C-0001)');
  });

  it('steps one task at a time and explains each decision in plain language', async () => {
    // given the first scenario
    const scenario = scenarios[0]!;
    const sim = await Simulator.start(newCustomerApproval(), sampleCatalog, scenario);
    // when one step is taken
    const first = await sim.step();
    // then exactly the first task was completed, by the scenario's user
    const done = first.events.filter((e) => e.type === 'task.completed');
    expect(done).toHaveLength(1);
    expect(done[0]!.actor?.name).toBe('Li Na');
    // and after the run the trace says why the decision went the way it did
    const end = await sim.run();
    const lines = traceLines(end.events, newCustomerApproval(), sampleCatalog, end.instance, 'en', translator('en'));
    const decision = lines.find((l) => l.kind === 'decision')!;
    expect(decision.text).toMatch(/^Approved\?: took “Approved” because .*\[decision = Approve the customer\]$/);
    // the values read are named and shown as a person reads them, never as data paths or JSON
    expect(lines.map((l) => l.text).join('\n')).not.toMatch(/estimate\.|"|→ [a-z-]+$/m);
    // and the end is named as the flow draws it, not by its outcome id
    expect(lines.at(-1)!.kind).toBe('end');
    expect(lines.at(-1)!.text).toBe('The flow ended: Customer approved');
    const zh = traceLines(end.events, newCustomerApproval(), sampleCatalog, end.instance, 'zh', translator('zh'));
    expect(zh.find((l) => l.kind === 'system')!.text).toBe('提交审批：状态 → 待审批，客户 → 无锡远航自动化设备有限公司（C-0130）');
    expect(zh.at(-1)!.text).toBe('流程结束：客户已批准');
  });

  it('names who acted by role when the scenario names no person, in the UI language', async () => {
    // given a run with no people named (the simulator stands in for each role)
    const scenario = { ...scenarios[0]!, actors: {} };
    const end = await (await Simulator.start(newCustomerApproval(), sampleCatalog, scenario)).run();
    // then the trace says which role did each step, not a made-up user
    const zh = traceLines(end.events, newCustomerApproval(), sampleCatalog, end.instance, 'zh', translator('zh'));
    const steps = zh.filter((l) => l.kind === 'step');
    expect(steps[0]!.text).toMatch(/✓ 销售代表$/);
    expect(zh.map((l) => l.text).join('\n')).not.toMatch(/ user\b/);
    // and a person the scenario names keeps their name, with the role
    const named = await (await Simulator.start(newCustomerApproval(), sampleCatalog, scenarios[0]!)).run();
    const en = traceLines(named.events, newCustomerApproval(), sampleCatalog, named.instance, 'en', translator('en'));
    expect(en.find((l) => l.kind === 'step')!.text).toContain('Li Na (Sales rep)');
  });
});

describe('Simulator: entries from the step forms, saved as a scenario and replayed', () => {
  it('completes a step with what was entered, refuses what the role may not edit, and replays the saved run to the same end', async () => {
    const flow = complaintJson as unknown as Flow;
    const given = (complaintScenarios as unknown as SimulationScenario[])[0]!;
    const others = [reworkJson as unknown as Flow];
    const sim = await Simulator.start(flow, sampleCatalog, given, others);
    await sim.step(); // intake, with the scenario's entries
    expect(sim.openTask?.nodeId).toBe('investigate');
    // The warehouse may not change the category in the investigation window.
    await expect(sim.completeWith({ 'complaint.category': 'billing', 'complaint.rootCause': 'x', 'complaint.faultParty': 'ours', 'complaint.remedy': 'explanation' }, 'warehouse')).rejects.toThrow();
    expect(sim.openTask?.nodeId).toBe('investigate');
    await sim.completeWith({ 'complaint.rootCause': 'Labels swapped.', 'complaint.faultParty': 'ours', 'complaint.remedy': 'explanation' }, 'warehouse');
    const end = await sim.run();
    expect(end.instance.status).toBe('completed');
    const saved = sim.toScenario({ en: 'Explained' });
    expect(saved.choices?.investigate).toEqual({ 'complaint.rootCause': 'Labels swapped.', 'complaint.faultParty': 'ours', 'complaint.remedy': 'explanation' });
    expect(saved.actors.warehouse).toBeDefined();
    expect(saved.expect?.outcome).toBe(end.instance.outcome);
    expect(saved.expect?.path?.[0]).toBe('start');
    expect(saved.expect?.path).toContain('resolve');
    expect(saved.expect?.path).not.toContain('rework');
    // Replayed, the saved scenario takes the same path to the same end.
    const again = await (await Simulator.start(flow, sampleCatalog, saved, others)).run();
    expect(again.instance.outcome).toBe(end.instance.outcome);
    expect((again.instance.data as { complaint: { rootCause: string } }).complaint.rootCause).toBe('Labels swapped.');
  });
});

describe('trace: engine texts in the designer language', () => {
  it('an incident and an SLA alert read in Chinese, from the engine text the event carries', () => {
    const flow = newCustomerApproval();
    const node = flow.nodes.find((n) => n.kind === 'decision')!;
    const base = { instanceId: 'i1', at: Date.UTC(2026, 10, 22, 3, 15) };
    const incident = {
      ...base,
      seq: 1,
      type: 'incident.raised' as const,
      incidentId: 'i1/i1',
      code: 'NO_PATH' as const,
      nodeId: node.id,
      message: 'English only',
      text: { key: 'incident.noPath', args: { step: { kind: 'step' as const, id: node.id, name: node.name } } },
    };
    const task = flow.nodes.find((n) => n.kind === 'task')!;
    const alert = {
      ...base,
      seq: 2,
      type: 'alert.raised' as const,
      alertId: 'i1/a2',
      source: { kind: 'sla' as const, nodeId: task.id, taskId: 't1' },
      message: { en: 'English only' },
      text: { key: 'alert.overdue', args: { step: { kind: 'step' as const, id: task.id, name: task.name }, dueAt: { kind: 'time' as const, at: base.at } } },
      to: ['sales-manager'],
      severity: 'warning' as const,
    };
    const lines = traceLines([incident, alert], flow, sampleCatalog, {} as never, 'zh', translator('zh'));
    expect(lines[0]!.text).toBe(`“${node.name.zh}”之后的条件都不成立，且没有默认路径，流程无法继续。请修改数据或流程。`);
    expect(lines[1]!.text).toMatch(new RegExp(`^⚠ “${task.name.zh}”已逾期：截止时间为 2026年11月22日 \\d{2}:15。 → 销售经理$`));
  });
});
