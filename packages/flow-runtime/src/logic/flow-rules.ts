import type { Flow } from '../schema/flow.js';

/**
 * Every rule of a parsed flow that the engine compiles (`compileFlow`): edge
 * guards, controls, task SLA hours, wait conditions and timers, system-step
 * assignments, sub-flow input and output mappings — what
 * `generateRulesModule` needs to compile a flow's rules ahead of time.
 */
export function rulesOfFlow(flow: Flow): unknown[] {
  const out: unknown[] = [];
  for (const edge of flow.edges) if (edge.guard !== undefined) out.push(edge.guard);
  for (const control of flow.controls ?? []) out.push(control.when);
  for (const n of flow.nodes) {
    if (n.kind === 'task') {
      if (n.sla) out.push(n.sla.hours);
    } else if (n.kind === 'wait') {
      if (n.until !== undefined) out.push(n.until);
      if (n.timer) out.push(n.timer.hours);
    } else if (n.kind === 'system') {
      for (const a of n.assign ?? []) out.push(a.value);
    } else if (n.kind === 'subflow') {
      out.push(...Object.values(n.input ?? {}), ...Object.values(n.output ?? {}));
    }
  }
  return out;
}
