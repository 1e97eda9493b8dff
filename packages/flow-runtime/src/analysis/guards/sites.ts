import type { LocalizedText } from '../../schema/common.js';
import type { Flow } from '../../schema/flow.js';
import type { Text } from '../types.js';
import { named } from '../text.js';

/** Where a JsonLogic rule stands in a flow. */
export type RuleSiteKind = 'guard' | 'control' | 'until' | 'sla' | 'timer' | 'assign' | 'input' | 'output';

/** One JsonLogic rule of a flow and where it is. */
export interface RuleSite {
  kind: RuleSiteKind;
  rule: unknown;
  /** In words: "The condition of edge 'e3'" (built only when a finding needs it). */
  where(): Text;
  nodeId?: string;
  edgeId?: string;
  /** Whether the rule reads this flow's data (a subflow's output reads the child's). */
  readsFlowData: boolean;
}

/** Every JsonLogic rule of a flow: guards, controls, wait conditions, SLAs, timers, assignments, subflow mappings. */
export function ruleSites(flow: Flow): RuleSite[] {
  const out: RuleSite[] = [];
  for (const edge of flow.edges) {
    if (edge.guard === undefined) continue;
    out.push({ kind: 'guard', rule: edge.guard, where: () => guardWhere(edge.id, edge.label), edgeId: edge.id, nodeId: edge.source, readsFlowData: true });
  }
  for (const c of flow.controls ?? []) {
    out.push({ kind: 'control', rule: c.when, where: () => controlWhere(c), readsFlowData: true });
  }
  for (const node of flow.nodes) {
    const at = (en: string, zh: string): Text => {
      const n = named(node);
      return { en: `${en} of step ${n.en}`, zh: `步骤${n.zh}的${zh}` };
    };
    if (node.kind === 'wait') {
      if (node.until !== undefined) out.push({ kind: 'until', rule: node.until, where: () => at('The wait condition', '等待条件'), nodeId: node.id, readsFlowData: true });
      if (node.timer) out.push({ kind: 'timer', rule: node.timer.hours, where: () => at('The timer', '计时器'), nodeId: node.id, readsFlowData: true });
    } else if (node.kind === 'task' && node.sla) {
      out.push({ kind: 'sla', rule: node.sla.hours, where: () => at('The SLA hours', 'SLA 时限'), nodeId: node.id, readsFlowData: true });
    } else if (node.kind === 'system') {
      for (const a of node.assign ?? []) {
        out.push({ kind: 'assign', rule: a.value, where: () => at(`The value assigned to '${a.target}'`, `“${a.target}”的赋值`), nodeId: node.id, readsFlowData: true });
      }
    } else if (node.kind === 'subflow') {
      for (const [name, rule] of Object.entries(node.input ?? {})) {
        out.push({ kind: 'input', rule, where: () => at(`The input '${name}'`, `输入“${name}”`), nodeId: node.id, readsFlowData: true });
      }
      for (const [target, rule] of Object.entries(node.output ?? {})) {
        out.push({ kind: 'output', rule, where: () => at(`The output to '${target}'`, `输出到“${target}”`), nodeId: node.id, readsFlowData: false });
      }
    }
  }
  return out;
}

function guardWhere(id: string, label: LocalizedText | undefined): Text {
  const e = named({ id, name: label });
  return { en: `The condition of edge ${e.en}`, zh: `连线${e.zh}的条件` };
}

function controlWhere(c: { id: string; name: LocalizedText }): Text {
  const n = named(c);
  return { en: `The condition of control ${n.en}`, zh: `控制点${n.zh}的条件` };
}
