import type { LocalizedText } from '../../schema/common.js';
import type { Flow } from '../../schema/flow.js';
import type { Finding, Text } from '../types.js';
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
  /** The control point whose condition this is. */
  controlId?: string;
  /** The property of the step, connection or control point holding the rule (`guard`, `sla/hours`, `assign`…). */
  prop: string;
  /** Whether the rule reads this flow's data (a subflow's output reads the child's). */
  readsFlowData: boolean;
}

const WHERE: Record<RuleSiteKind, [string, string]> = {
  guard: ['The condition', '的条件'],
  control: ['The condition', '的条件'],
  until: ['The wait condition', '等待条件'],
  timer: ['The timer', '计时器'],
  sla: ['The SLA hours', 'SLA 时限'],
  assign: ['The value assigned to', '的赋值'],
  input: ['The input', '输入'],
  output: ['The output to', '输出到'],
};

const PROP: Record<RuleSiteKind, string> = { guard: 'guard', control: 'when', until: 'until', timer: 'timer', sla: 'sla/hours', assign: 'assign', input: 'input', output: 'output' };

/** Where a finding about a rule site points: the step, connection or control point, and the property holding the rule. */
export function siteTarget(site: RuleSite): Pick<Finding, 'nodeIds' | 'edgeIds' | 'controlId' | 'about'> {
  if (site.edgeId) return { edgeIds: [site.edgeId], about: [site.prop] };
  if (site.controlId) return { controlId: site.controlId, about: [site.prop] };
  return { ...(site.nodeId ? { nodeIds: [site.nodeId] } : {}), about: [site.prop] };
}

/** A rule site; a class so the words are built on demand without a closure per site. */
class Site implements RuleSite {
  constructor(
    readonly kind: RuleSiteKind,
    readonly rule: unknown,
    private readonly owner: { id: string; name?: LocalizedText | undefined },
    readonly readsFlowData: boolean,
    readonly nodeId?: string,
    readonly edgeId?: string,
    /** The assignment target, input name or output target. */
    private readonly detail?: string,
    readonly controlId?: string,
  ) {}

  get prop(): string {
    return PROP[this.kind];
  }

  where(): Text {
    const n = named(this.owner);
    const [en, zh] = WHERE[this.kind];
    if (this.kind === 'guard') return { en: `${en} of edge ${n.en}`, zh: `连线${n.zh}${zh}` };
    if (this.kind === 'control') return { en: `${en} of control ${n.en}`, zh: `控制点${n.zh}${zh}` };
    if (this.kind === 'assign') return { en: `${en} '${this.detail}' in step ${n.en}`, zh: `步骤${n.zh}中“${this.detail}”${zh}` };
    if (this.kind === 'input' || this.kind === 'output') return { en: `${en} '${this.detail}' of step ${n.en}`, zh: `步骤${n.zh}的${zh}“${this.detail}”` };
    return { en: `${en} of step ${n.en}`, zh: `步骤${n.zh}的${zh}` };
  }
}

/** Every JsonLogic rule of a flow: guards, controls, wait conditions, SLAs, timers, assignments, subflow mappings. */
export function ruleSites(flow: Flow): RuleSite[] {
  const out: RuleSite[] = [];
  for (const edge of flow.edges) {
    if (edge.guard !== undefined) out.push(new Site('guard', edge.guard, { id: edge.id, name: edge.label }, true, edge.source, edge.id));
  }
  for (const c of flow.controls ?? []) out.push(new Site('control', c.when, c, true, undefined, undefined, undefined, c.id));
  for (const node of flow.nodes) {
    if (node.kind === 'wait') {
      if (node.until !== undefined) out.push(new Site('until', node.until, node, true, node.id));
      if (node.timer) out.push(new Site('timer', node.timer.hours, node, true, node.id));
    } else if (node.kind === 'task' && node.sla) {
      out.push(new Site('sla', node.sla.hours, node, true, node.id));
    } else if (node.kind === 'system') {
      for (const a of node.assign ?? []) out.push(new Site('assign', a.value, node, true, node.id, undefined, a.target));
    } else if (node.kind === 'subflow') {
      for (const [name, rule] of Object.entries(node.input ?? {})) out.push(new Site('input', rule, node, true, node.id, undefined, name));
      for (const [target, rule] of Object.entries(node.output ?? {})) out.push(new Site('output', rule, node, false, node.id, undefined, target));
    }
  }
  return out;
}
