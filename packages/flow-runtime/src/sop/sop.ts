import type { Catalog, Window } from '../schema/catalog.js';
import type { Flow, FlowNode, TaskNode } from '../schema/flow.js';
import { noteIn } from '../schema/common.js';
import { AnalysisContext } from '../analysis/context.js';
import { computeMetricsFrom } from '../analysis/metrics/index.js';
import type { FlowRegistry, Locale } from '../analysis/types.js';
import { nameIn } from '../analysis/text.js';
import { describe, describeHours, describeValue } from '../logic/describe/render.js';
import { readingOrder } from './order.js';
import { claimsToNotify } from '../analysis/rules/notify-nobody.js';
import { SOP_WORDS, type SopWords } from './words.js';
import { outOf, inOf, neighbours } from '../analysis/graph.js';
import { reach } from '../analysis/traversal.js';
import { bindTask, fieldAccess } from '../engine/access.js';
import { collectVarUses } from '../logic/vars.js';

/** Options of {@link toSop}. */
export interface SopOptions {
  /** Other flows, so sub-flow steps can name the flow they run. */
  flows?: FlowRegistry;
  /** Add the clarity metrics at the end (default true). */
  metrics?: boolean;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * Writes a flow as a standard operating procedure in Markdown that a new
 * employee can follow: purpose, roles and departments, numbered steps with
 * who does them, in which window, which fields are required, the conditions
 * in plain language, control points and time limits, and the hand-offs
 * between departments.
 *
 * @example
 * writeFileSync('new-order.sop.md', toSop(flow, catalog, 'en'));
 */
export function toSop(flow: Flow, catalog?: Catalog, locale: Locale = 'en', options: SopOptions = {}): string {
  const w = SOP_WORDS[locale];
  const ctx = new AnalysisContext({ flow, catalog, flows: options.flows });
  const g = ctx.graph;
  const order = readingOrder(g).filter((v) => g.nodes[v]!.kind !== 'start' && g.nodes[v]!.kind !== 'end');
  const number = new Map<number, number>();
  order.forEach((v, i) => number.set(v, i + 1));
  const name = (node: { name: { en: string; zh?: string | undefined } }) => nameIn(node.name, locale);
  const role = (id: string) => nameIn(ctx.roles.get(id)?.name, locale) || id;
  const dept = (id: string) => nameIn(ctx.departments.get(id)?.name, locale) || id;
  const roleList = (ids: ReadonlyArray<string>) => (ids.length ? ids.map(role).join(locale === 'zh' ? '、' : ', ') : w.nobody);
  const stepRef = (v: number) => w.stepRef(number.get(v) ?? 0, name(g.nodes[v]!));
  const stepRefs = (vs: number[]) => joinWords(vs.map(stepRef), w.and, locale);
  const target = (v: number) => (g.nodes[v]!.kind === 'end' ? w.finish(name(g.nodes[v]!)) : w.goTo(stepRef(v)));
  const label = (path: string) => describeValue({ var: path }, catalog, locale, flow);
  const fieldName = (win: Window, field: string) => {
    const f = ctx.entities?.get(win.entity)?.fields.find((x) => x.id === field);
    return f ? nameIn(f.name, locale) : field;
  };

  const recordName = (v: string) => {
    const d = flow.data[v];
    const n = d?.name ? nameIn(d.name, locale) : d?.type === 'record' && d.entity ? nameIn(ctx.entities?.get(d.entity)?.name, locale) : '';
    return (n || v).replace(/\s*[（(][^）)]*[）)]\s*/g, ' ').trim();
  };
  const inText = (s: string) => (locale === 'en' && !/^[A-Z]{2,}/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
  const edgeSource = new Map(g.edges.map((e, i) => [e.id, g.source[i]!]));
  /**
   * Whether the link field `path` (`order.customer`) matters after step `v`:
   * a later task's window shows it to the person doing it, or a later
   * condition, value, sub-flow input, record link or a control point reads it.
   */
  function usedAfter(v: number, path: string): boolean {
    const later = reach(g.succ, neighbours(g.succ, v));
    const head = path.split('.')[0]!;
    const field = path.slice(head.length + 1);
    for (let u = 0; u < g.nodes.length; u++) {
      const n = g.nodes[u]!;
      if (!later[u] || n.kind !== 'task' || !n.window) continue;
      const b = bindTask(n, flow, catalog);
      if (b.variable === head && b.window && (b.candidates.length ? fieldAccess(b.window, field, b.candidates) !== 'none' : b.window.fields.includes(field))) return true;
    }
    for (const site of ctx.ruleSites) {
      if (!site.readsFlowData) continue;
      const at = site.nodeId !== undefined ? g.index.get(site.nodeId) : site.edgeId !== undefined ? edgeSource.get(site.edgeId) : undefined;
      if (site.controlId === undefined && (at === undefined || at < 0 || !later[at])) continue;
      const reads = collectVarUses(site.rule).some((u) => u.scope.kind === 'root' && (u.path === path || u.path.startsWith(`${path}.`) || (site.kind === 'input' && u.path === head)));
      if (reads) return true;
    }
    return g.edges.some((e, i) => e.recordLink !== undefined && g.source[i]! >= 0 && later[g.source[i]!] === 1 && (e.recordLink.equals === path || e.recordLink.equals.startsWith(`${path}.`)));
  }
  /** A record field named with its record ("the customer's status", 客户状态) unless its label already says whose it is. */
  const owned = (path: string): string => {
    const l = label(path);
    const [head, ...rest] = path.split('.');
    if (rest.length === 0 || flow.data[head!]?.type !== 'record') return l;
    const o = recordName(head!);
    if (locale === 'zh') return l.startsWith(o) ? l : `${o}的${l}`;
    return /^the /i.test(l) || l.toLowerCase().startsWith(o.toLowerCase()) ? l : `the ${inText(o)}${o.endsWith('s') ? '’' : '’s'} ${l}`;
  };
  /** What `value` adds to `target` when it is `target + x` (empty counted as 0): the x, else undefined. */
  const addedTo = (target: string, value: unknown): unknown => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const sum = (value as Record<string, unknown>)['+'];
    if (!Array.isArray(sum) || sum.length !== 2 || Object.keys(value).length !== 1) return undefined;
    const isTarget = (x: unknown) => {
      if (x === null || typeof x !== 'object' || Array.isArray(x) || Object.keys(x).length !== 1 || !('var' in x)) return false;
      const a = (x as { var: unknown }).var;
      return (Array.isArray(a) ? a[0] === target && (a.length < 2 || a[1] === 0) : a === target);
    };
    const other = isTarget(sum[0]) ? sum[1] : isTarget(sum[1]) ? sum[0] : undefined;
    if (other === undefined) return undefined;
    // The amount added, read as a plain amount (an empty one adds nothing).
    if (other !== null && typeof other === 'object' && !Array.isArray(other) && 'var' in other) {
      const a = (other as { var: unknown }).var;
      if (Array.isArray(a) && a.length === 2 && a[1] === 0) return { var: a[0] };
    }
    return other;
  };
  const plumbing = (target: string, source: string | undefined) => target.endsWith('.id') || (source !== undefined && source.endsWith('.id') && flow.data[target.split('.')[0]!]?.type !== 'record');

  /**
   * What an automatic step's assignments mean to the business: a new record
   * started, a value set, and a record linked to another ("the order is
   * linked to the customer") when that matters: a later step shows or uses
   * the link, or linking is all the step does. Plumbing is left out: a field
   * set to itself, ids copied into helper variables.
   */
  function assignmentLines(v: number, assign: ReadonlyArray<{ target: string; value: unknown }>, alone: boolean): string[] {
    const links = new Map<string, string[]>();
    const quiet = new Map<string, string[]>();
    const lines: string[] = [];
    const varOf = (x: unknown): string | undefined => {
      if (x === null || typeof x !== 'object' || Array.isArray(x) || Object.keys(x).length !== 1 || !('var' in x)) return undefined;
      const a = (x as { var: unknown }).var;
      const p = Array.isArray(a) ? a[0] : a;
      return typeof p === 'string' ? p : undefined;
    };
    for (const a of assign) {
      const source = varOf(a.value);
      if (source === a.target || plumbing(a.target, source)) continue;
      const [head, ...rest] = a.target.split('.');
      const headDef = flow.data[head!];
      const linkTo = source?.endsWith('.id') ? source.slice(0, -3) : source;
      if (linkTo && !linkTo.includes('.') && flow.data[linkTo]?.type === 'record' && headDef?.type === 'record' && rest.length > 0) {
        const subject = rest.length === 1 ? head! : a.target;
        const into = usedAfter(v, a.target) ? links : quiet;
        into.set(subject, [...(into.get(subject) ?? []), locale === 'en' ? `the ${inText(recordName(linkTo))}` : recordName(linkTo)]);
        continue;
      }
      if (headDef?.type === 'record' && rest.length === 0) {
        const o = a.value !== null && typeof a.value === 'object' && !Array.isArray(a.value) ? (a.value as Record<string, unknown>) : undefined;
        const branches = o && Array.isArray(o['if']) ? (o['if'] as unknown[]) : undefined;
        if (a.value === null) {
          lines.push(w.newRecord(inText(recordName(head!)), undefined));
          continue;
        }
        if (branches && branches.length === 3 && (branches[1] === null || branches[2] === null) && [branches[1], branches[2]].every((b) => b === null || varOf(b) === head)) {
          const when = branches[1] === null ? branches[0] : { '!': branches[0] };
          lines.push(w.newRecord(inText(recordName(head!)), describe(when, catalog, locale, flow)));
          continue;
        }
        if (linkTo && flow.data[linkTo]?.type === 'record') {
          lines.push(w.sameRecord(inText(recordName(head!)), inText(recordName(linkTo))));
          continue;
        }
      }
      const added = addedTo(a.target, a.value);
      if (added !== undefined) {
        lines.push(w.adds(owned(a.target), describeValue(added, catalog, locale, flow)));
        continue;
      }
      lines.push(w.sets(owned(a.target), describeValue(a.value, catalog, locale, flow, a.target)));
    }
    // Links nothing later shows or uses are said only when linking is all the step does.
    const said = lines.length || links.size || !alone ? links : new Map([...quiet]);
    const linkLines = [...said].map(([subject, to]) => w.linked(subject.includes('.') ? label(subject) : inText(recordName(subject)), joinWords(to, w.and, locale)));
    return [...linkLines, ...lines];
  }

  const out: string[] = [w.title(name(flow)), '', w.version(flow.version, flow.id), ''];

  // Purpose.
  out.push(w.purpose, '');
  const description = flow.description ? nameIn({ en: flow.description.en || ' ', ...(flow.description.zh ? { zh: flow.description.zh } : {}) }, locale).trim() : '';
  const ends = g.ends.map((e) => g.nodes[e]!);
  const first = order[0] !== undefined ? `“${name(g.nodes[order[0]]!)}”` : '—';
  out.push(description || w.defaultPurpose(name(flow), first, joinWords(ends.map((e) => `“${name(e)}”`), locale === 'zh' ? '或' : 'or', locale)), '');

  // Roles and departments.
  out.push(w.rolesAndDepartments, '');
  const byDept = new Map<string, { roles: Set<string>; steps: number[] }>();
  for (const v of order) {
    const node = g.nodes[v]!;
    const key = node.department ?? '';
    const entry = byDept.get(key) ?? { roles: new Set<string>(), steps: [] };
    if (node.kind === 'task') for (const r of node.roles ?? []) entry.roles.add(r);
    if (node.kind === 'task' || node.kind === 'system' || node.kind === 'wait' || node.kind === 'subflow') entry.steps.push(number.get(v)!);
    if (node.department || node.kind === 'task') byDept.set(key, entry);
  }
  out.push(`| ${w.table.join(' | ')} |`, '| --- | --- | --- |');
  for (const [d, { roles, steps }] of byDept) {
    if (steps.length === 0) continue;
    out.push(`| ${cell(d ? dept(d) : '—')} | ${cell(roleList([...roles]))} | ${steps.join(', ')} |`);
  }
  out.push('');
  const start = g.starts[0] !== undefined ? g.nodes[g.starts[0]]! : undefined;
  if (start?.kind === 'start' && start.roles?.length) out.push(w.startedBy(roleList(start.roles)), '');

  // Steps.
  out.push(w.steps, '');
  const gatesOf = new Map<string, string[]>();
  for (const c of flow.controls ?? []) {
    if (c.kind !== 'gate') continue;
    for (const b of c.blocks ?? []) gatesOf.set(b, [...(gatesOf.get(b) ?? []), `${describe(c.when, catalog, locale, flow)}${w.paren(nameIn(c.name, locale))}`]);
  }
  for (const v of order) {
    const node = g.nodes[v]!;
    out.push(`### ${number.get(v)}. ${name(node)}`, '');
    if (node.description) {
      const d = locale === 'zh' ? (node.description.zh ?? node.description.en) : node.description.en;
      if (d.trim()) out.push(d.trim(), '');
    }
    const lines: string[] = [];
    const item = (key: string, value: string) => lines.push(`- **${key}${w.colon}** ${value}`);
    switch (node.kind) {
      case 'task':
        taskLines(node);
        break;
      case 'decision':
        item(w.decision, node.question ? nameIn(node.question, locale) : name(node));
        break;
      case 'system': {
        const parts = assignmentLines(v, node.assign ?? [], !node.alert);
        if (node.alert) parts.push(w.alerts(roleList(node.alert.to), nameIn(node.alert.message, locale)));
        item(w.automatic, parts.join(locale === 'zh' ? '；' : '; ') || w.bookkeeping);
        if (!node.alert && claimsToNotify(node.name)) item(w.attention, w.notifiesNobody);
        break;
      }
      case 'wait': {
        const until = node.until !== undefined ? describe(node.until, catalog, locale, flow) : undefined;
        const hours = node.timer ? describeHours(node.timer.hours, catalog, locale, flow) : undefined;
        const conditional = node.timer !== undefined && typeof node.timer.hours !== 'number';
        item(w.waits, until && hours ? w.waitUntilOrTimer(until, hours, conditional) : until ? w.waitUntil(until) : hours ? w.waitTimer(hours, conditional) : '—');
        break;
      }
      case 'subflow': {
        const child = options.flows?.get(node.flow)?.[0];
        item(w.automatic, w.runsFlow(child ? name(child) : node.flow));
        break;
      }
      case 'parallel':
        item(w.next, w.parallel(stepRefs(outOf(g, v).map((e) => g.target[e]!).filter((x) => x >= 0))));
        break;
      case 'join':
        item(w.next, w.join(stepRefs(inOf(g, v).map((e) => g.source[e]!).filter((x) => x >= 0))));
        break;
      default:
        break;
    }
    const gates = gatesOf.get(node.id);
    if (gates) item(w.blocked, gates.join(locale === 'zh' ? '；' : '; '));
    if (node.kind !== 'parallel') lines.push(...nextLines(v));
    out.push(...lines, '');
    for (const h of handoffs(v)) out.push(h, '');

    function taskLines(task: TaskNode): void {
      item(w.who, `${roleList(task.roles ?? [])}${task.department ? w.paren(dept(task.department)) : ''}`);
      const win = task.window ? ctx.windows.get(task.window) : undefined;
      if (win) {
        const roles = task.roles ?? [];
        const access = (f: string) => bestAccess(win, f, roles);
        const change = win.fields.filter((f) => access(f) === 'edit').map((f) => fieldName(win, f));
        const see = win.fields.filter((f) => access(f) === 'view').map((f) => fieldName(win, f));
        const sep = locale === 'zh' ? '、' : ', ';
        const parts = [change.length ? `${w.canChange}${w.colonSp}${change.join(sep)}` : '', see.length ? `${w.canSee}${w.colonSp}${see.join(sep)}` : ''].filter(Boolean);
        item(w.window, `${nameIn(win.name, locale)}${parts.length ? ` — ${parts.join(locale === 'zh' ? '；' : '; ')}` : ''}`);
      } else if (task.window) item(w.window, task.window);
      const required = [...(win?.required ?? []).map((f) => fieldName(win!, f)), ...(task.required ?? []).map(label)];
      if (required.length) item(w.required, [...new Set(required)].join(locale === 'zh' ? '、' : ', '));
      if (task.mandatory) item(w.mandatory, w.mandatoryText);
      if (task.sla) item(w.sla, w.slaText(describeHours(task.sla.hours, catalog, locale, flow), task.sla.escalateTo ? role(task.sla.escalateTo) : undefined, typeof task.sla.hours !== 'number'));
      if (task.notSameActorAs?.length) {
        const others = task.notSameActorAs.map((id) => g.index.get(id)).filter((x): x is number => x !== undefined);
        item(w.notSame, w.notSameText(stepRefs(others)));
      }
    }
  }

  function nextLines(v: number): string[] {
    const outs = outOf(g, v).filter((e) => g.target[e]! >= 0);
    if (outs.length === 0) return [];
    if (outs.length === 1 && g.edges[outs[0]!]!.guard === undefined) return [`- **${w.next}${w.colon}** ${target(g.target[outs[0]!]!)}`];
    const ordered = [...outs.filter((e) => !g.edges[e]!.default), ...outs.filter((e) => g.edges[e]!.default)];
    const lines = ordered.map((e) => {
      const edge = g.edges[e]!;
      const l = edge.label ? nameIn(edge.label, locale) : undefined;
      const to = target(g.target[e]!);
      return edge.guard !== undefined && !edge.default ? w.ifThen(describe(edge.guard, catalog, locale, flow), l, to) : w.otherwise(l, to);
    });
    return [`- **${w.next}${w.colon}**`, ...lines.map((l) => `  - ${l}`)];
  }

  /** Departments the process passes to after this step (looking through decisions and gateways). */
  function handoffs(v: number): string[] {
    const from = g.nodes[v]!.department;
    if (!from) return [];
    const seen = new Set<number>([v]);
    const stack = outOf(g, v).map((e) => g.target[e]!).filter((x) => x >= 0);
    const to = new Set<string>();
    while (stack.length) {
      const u = stack.pop()!;
      if (seen.has(u)) continue;
      seen.add(u);
      const node = g.nodes[u]!;
      if (node.department) {
        if (node.department !== from) to.add(node.department);
        continue;
      }
      if (node.kind === 'end') continue;
      for (const e of outOf(g, u)) if (g.target[e]! >= 0) stack.push(g.target[e]!);
    }
    return [...to].map((d) => w.handoff(dept(from), dept(d)));
  }

  // Control points.
  const controls = flow.controls ?? [];
  if (controls.length) {
    out.push(w.controlPoints, '');
    for (const c of controls) {
      const cond = describe(c.when, catalog, locale, flow);
      if (c.kind === 'alert') out.push(w.alertControl(nameIn(c.name, locale), cond, roleList(c.notify ?? []), nameIn(c.message, locale)));
      else out.push(w.gateControl(nameIn(c.name, locale), stepRefs((c.blocks ?? []).map((id) => g.index.get(id)).filter((x): x is number => x !== undefined)), cond, nameIn(c.message, locale)));
    }
    out.push('');
  }

  // Outcomes.
  if (ends.length) {
    out.push(w.outcomes, '');
    for (const e of g.ends) {
      const node = g.nodes[e]! as Extract<FlowNode, { kind: 'end' }>;
      const from = inOf(g, e).map((x) => g.source[x]!).filter((x) => x >= 0 && number.has(x));
      out.push(w.outcomeLine(name(node), node.outcome, from.length ? stepRefs(from) : '—'));
    }
    out.push('');
  }

  // Notes left for later.
  const noted = g.nodes.filter((n) => n.notes?.length);
  if (noted.length) {
    out.push(w.notes, '');
    for (const n of noted) for (const note of n.notes!.map((x) => noteIn(x, locale)).filter((x) => x.trim())) out.push(`- ${capital(number.has(g.index.get(n.id)!) ? stepRef(g.index.get(n.id)!) : `“${name(n)}”`)}${w.colonSp}${note}`);
    out.push('');
  }

  if (options.metrics !== false) out.push(w.clarity, '', computeMetricsFrom(ctx, locale).summary, '', w.clarityHelp, '');
  return out.join('\n');
}

function bestAccess(win: Window, field: string, roles: ReadonlyArray<string>): 'edit' | 'view' | 'none' {
  let best: 'edit' | 'view' | 'none' = 'none';
  for (const r of roles) {
    const a = win.fieldAccess?.[field]?.[r] ?? win.access[r] ?? 'none';
    if (a === 'edit') return 'edit';
    if (a === 'view') best = 'view';
  }
  return best;
}

/** Starts a line with a capital letter (English; Chinese has none). */
function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function joinWords(items: string[], conj: string, locale: Locale): string {
  if (items.length <= 1) return items.join('');
  if (locale === 'zh') return `${items.slice(0, -1).join('、')}${conj}${items[items.length - 1]}`;
  return items.length === 2 ? `${items[0]} ${conj} ${items[1]}` : `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]}`;
}

export type { SopWords };
