import * as z from 'zod/mini';
import type { Catalog } from './catalog.js';
import { Id } from './common.js';
import { checkUniqueIds, idOf, parseEach, rawIds, suggest } from './collect.js';
import { didYouMean, indexEntities, resolveDataPath, type EntityIndex } from './data-paths.js';
import { Control, Flow, FlowEdge, FlowNode, NODE_KINDS, Variable, type FlowNode as FlowNodeT } from './flow.js';
import { parseJsonText } from './json-text.js';
import { FlowDefinitionError, toPointer, type ParseResult, type Problem } from './problems.js';
import { checkRuleSite, type RootResolver } from './rule-sites.js';
import { sanitizeInput } from './sanitize.js';
import { describeValue, problemsFromZod, valueAt, type Subject } from './zod-problems.js';

const FlowShell = z.extend(Flow, {
  data: z.record(z.string(), z.unknown()),
  nodes: z.array(z.unknown()).check(z.maxLength(100_000)),
  edges: z.array(z.unknown()).check(z.maxLength(200_000)),
  controls: z.optional(z.array(z.unknown()).check(z.maxLength(500))),
});

function flowSubject(root: unknown): Subject {
  return (path) => {
    const [head, index, ...rest] = path;
    const label = head === 'nodes' ? 'Node' : head === 'edges' ? 'Edge' : head === 'controls' ? 'Control' : undefined;
    if (label && typeof index === 'number') {
      const id = idOf(valueAt(root, [head!, index]));
      return { subject: `${label} '${id ?? `#${index + 1}`}'`, rest };
    }
    if (head === 'data' && index !== undefined) return { subject: `Variable '${String(index)}'`, rest };
    if (head === 'layout') return { subject: 'The layout', rest: path.slice(1) };
    return { subject: 'The flow', rest: path };
  };
}

/**
 * Validates a flow (already-parsed JSON) against its catalog and returns it
 * typed, or every problem at once: shape, unique ids, edges between existing
 * nodes, departments, roles and windows that exist in the catalog, data
 * paths that exist in the data schema, and every JsonLogic rule under the
 * policy. Without a catalog, catalog references are not checked.
 *
 * @example
 * const result = parseFlow(JSON.parse(flowText), catalog);
 * if (result.ok) engine.deploy(result.value);
 * else result.problems.forEach((p) => console.error(`${p.path}: ${p.message}`));
 */
export function parseFlow(json: unknown, catalog?: Catalog): ParseResult<Flow> {
  const clean = sanitizeInput(json);
  if (clean.tooDeep) return { ok: false, problems: clean.problems };
  const input = clean.value;
  const problems: Problem[] = [...clean.problems];
  const subjectOf = flowSubject(input);
  const shell = FlowShell.safeParse(input);
  if (!shell.success) problems.push(...problemsFromZod(shell.error.issues, input, subjectOf));
  const raw = (input !== null && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;

  const data = parseData(raw.data, input, subjectOf, problems);
  const at = { nodes: [] as number[], edges: [] as number[], controls: [] as number[] };
  const nodes = parseEach(raw.nodes, ['nodes'], FlowNode, input, subjectOf, problems, kindPrecheck(input), at.nodes);
  const edges = parseEach(raw.edges, ['edges'], FlowEdge, input, subjectOf, problems, undefined, at.edges);
  const controls = parseEach(raw.controls, ['controls'], Control, input, subjectOf, problems, undefined, at.controls);
  checkUniqueIds(raw.nodes, ['nodes'], 'Node', problems);
  checkUniqueIds(raw.edges, ['edges'], 'Edge', problems);
  checkUniqueIds(raw.controls, ['controls'], 'Control', problems);

  const ctx: RefContext = {
    catalog,
    entities: indexEntities(catalog),
    data,
    nodeIds: rawIds(raw.nodes),
    roleIds: new Set(catalog?.roles.map((r) => r.id)),
    deptIds: new Set(catalog?.departments.map((d) => d.id)),
    windows: new Map(catalog?.windows.map((w) => [w.id, w])),
    problems,
  };
  if (catalog && typeof raw.catalog === 'string' && raw.catalog !== catalog.id) {
    problems.push({ code: 'FLOW_E029', path: '/catalog', message: `The flow was written for catalog '${raw.catalog}', but it is being checked against catalog '${catalog.id}'.` });
  }
  checkVariables(data, ctx);
  // Problems point at the element itself, even when two elements share an id.
  nodes.forEach((node, k) => checkNode(node, ['nodes', at.nodes[k]!], nodes, ctx));
  edges.forEach((edge, k) => checkEdge(edge, ['edges', at.edges[k]!], ctx));
  controls.forEach((control, k) => checkControl(control, ['controls', at.controls[k]!], ctx));

  if (problems.length > 0 || !shell.success) return { ok: false, problems };
  const { controls: rawControls, ...rest } = shell.data;
  const value: Flow = { ...rest, data, nodes, edges, ...(rawControls ? { controls } : {}) };
  return { ok: true, value, problems: [] };
}

/** {@link parseFlow} from JSON text, with size and depth limits applied before parsing. */
export function parseFlowText(text: string, catalog?: Catalog): ParseResult<Flow> {
  const parsed = parseJsonText(text);
  return parsed.ok ? parseFlow(parsed.value, catalog) : { ok: false, problems: [parsed.problem] };
}

/** {@link parseFlow}, throwing a {@link FlowDefinitionError} with every problem. */
export function parseFlowOrThrow(json: unknown, catalog?: Catalog): Flow {
  const r = parseFlow(json, catalog);
  if (!r.ok) throw new FlowDefinitionError(r.problems);
  return r.value;
}

interface RefContext {
  catalog: Catalog | undefined;
  entities: EntityIndex | undefined;
  data: Record<string, Variable>;
  nodeIds: Set<string>;
  roleIds: Set<string>;
  deptIds: Set<string>;
  windows: Map<string, Catalog['windows'][number]>;
  problems: Problem[];
}

function kindPrecheck(root: unknown) {
  return (item: unknown, list: ReadonlyArray<PropertyKey>, index: number): Problem | undefined => {
    const isObject = item !== null && typeof item === 'object' && !Array.isArray(item);
    const kind = isObject ? (item as { kind?: unknown }).kind : undefined;
    // A node of a known kind (every node of a valid flow) needs no words.
    if (isObject && typeof kind === 'string' && (NODE_KINDS as readonly string[]).includes(kind)) return undefined;
    const at = [...list, index];
    if (!isObject) {
      return { code: 'FLOW_E011', path: toPointer(at), message: `Node #${Number(at[1]) + 1} should be an object but is ${describeValue(item)}.` };
    }
    const id = idOf(valueAt(root, at));
    const subject = `Node '${id ?? `#${Number(at[1]) + 1}`}'`;
    if (kind === undefined) return { code: 'FLOW_E010', path: toPointer(at), message: `${subject} is missing 'kind' (one of ${NODE_KINDS.join(', ')}).` };
    if (typeof kind !== 'string' || !(NODE_KINDS as readonly string[]).includes(kind)) {
      return {
        code: 'FLOW_E015',
        path: toPointer([...at, 'kind']),
        message: `${subject} has kind ${describeValue(kind)}; a node's kind is one of ${NODE_KINDS.join(', ')}.${typeof kind === 'string' ? suggest(kind, NODE_KINDS) : ''}`,
      };
    }
    return undefined;
  };
}

function parseData(raw: unknown, root: unknown, subjectOf: Subject, problems: Problem[]): Record<string, Variable> {
  const out: Record<string, Variable> = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [name, value] of Object.entries(raw)) {
    const idOk = Id.safeParse(name);
    if (!idOk.success) {
      problems.push({ code: 'FLOW_E013', path: toPointer(['data', name]), message: `Variable '${name.slice(0, 60)}' has an invalid name: a name starts with a letter and holds only letters, digits, "-", "_" or ".".` });
      continue;
    }
    const r = Variable.safeParse(value);
    if (r.success) out[name] = r.data;
    else problems.push(...problemsFromZod(r.error.issues, root, subjectOf, ['data', name]));
  }
  return out;
}


function rootResolver(ctx: RefContext): RootResolver {
  return (path) => resolveDataPath(path, ctx.data, ctx.entities);
}

function checkPath(path: string, at: PropertyKey[], where: string, ctx: RefContext): void {
  const info = resolveDataPath(path, ctx.data, ctx.entities);
  if (!info.ok) ctx.problems.push({ code: info.reason.includes('is not a variable') ? 'FLOW_E027' : 'FLOW_E026', path: toPointer(at), message: `${where} names '${path}', but ${info.reason}.${didYouMean(info)}` });
}

function checkRole(role: string, at: PropertyKey[], where: string, ctx: RefContext): void {
  if (ctx.catalog && !ctx.roleIds.has(role)) {
    ctx.problems.push({ code: 'FLOW_E023', path: toPointer(at), message: `${where} names role '${role}', which the catalog does not have.${suggest(role, ctx.roleIds)}` });
  }
}

function checkNodeRef(id: string, at: PropertyKey[], where: string, ctx: RefContext): void {
  if (!ctx.nodeIds.has(id)) ctx.problems.push({ code: 'FLOW_E021', path: toPointer(at), message: `${where} names node '${id}', which the flow does not have.${suggest(id, ctx.nodeIds)}` });
}

function checkVariables(data: Record<string, Variable>, ctx: RefContext): void {
  for (const [name, v] of Object.entries(data)) {
    const at = ['data', name];
    if ((v.type === 'record' || v.type === 'reference') && !v.entity) {
      ctx.problems.push({ code: 'FLOW_E010', path: toPointer(at), message: `Variable '${name}' is a ${v.type} but does not say of which entity ('entity').` });
    } else if (v.entity && ctx.entities && !ctx.entities.has(v.entity)) {
      ctx.problems.push({ code: 'FLOW_E025', path: toPointer([...at, 'entity']), message: `Variable '${name}' holds entity '${v.entity}', which the catalog does not have.${suggest(v.entity, ctx.entities.keys())}` });
    }
    if (v.type === 'enum' && !(v.options && v.options.length > 0)) {
      ctx.problems.push({ code: 'FLOW_E010', path: toPointer(at), message: `Variable '${name}' is an enum but lists no options.` });
    }
  }
}

function checkNode(node: FlowNodeT, at: PropertyKey[], nodes: FlowNodeT[], ctx: RefContext): void {
  const subject = `Node '${node.id}'`;
  const resolve = rootResolver(ctx);
  if (node.department && ctx.catalog && !ctx.deptIds.has(node.department)) {
    ctx.problems.push({ code: 'FLOW_E022', path: toPointer([...at, 'department']), message: `${subject} is in department '${node.department}', which the catalog does not have.${suggest(node.department, ctx.deptIds)}` });
  }
  switch (node.kind) {
    case 'start':
      node.roles?.forEach((r, i) => checkRole(r, [...at, 'roles', i], `${subject} roles`, ctx));
      break;
    case 'task': {
      node.roles?.forEach((r, i) => checkRole(r, [...at, 'roles', i], subject, ctx));
      if (node.window) checkTaskWindow(node, at, ctx);
      node.fields?.forEach((p, i) => checkPath(p, [...at, 'fields', i], `${subject} edits`, ctx));
      node.required?.forEach((p, i) => checkPath(p, [...at, 'required', i], `${subject} requires`, ctx));
      if (node.sla) {
        ctx.problems.push(...checkRuleSite(node.sla.hours, [...at, 'sla', 'hours'], `${subject} SLA hours`, resolve));
        if (node.sla.escalateTo) checkRole(node.sla.escalateTo, [...at, 'sla', 'escalateTo'], `${subject} SLA escalation`, ctx);
      }
      node.notSameActorAs?.forEach((id, i) => {
        checkNodeRef(id, [...at, 'notSameActorAs', i], `${subject} separation of duties`, ctx);
        const other = nodes.find((n) => n.id === id);
        if (other && other.kind !== 'task') {
          ctx.problems.push({ code: 'FLOW_E021', path: toPointer([...at, 'notSameActorAs', i]), message: `${subject} must not be done by the actor of '${id}', but '${id}' is a ${other.kind}, not a task done by a person.` });
        }
      });
      break;
    }
    case 'wait':
      if (node.until !== undefined) ctx.problems.push(...checkRuleSite(node.until, [...at, 'until'], `${subject} wait condition`, resolve));
      if (node.timer) ctx.problems.push(...checkRuleSite(node.timer.hours, [...at, 'timer', 'hours'], `${subject} timer`, resolve));
      break;
    case 'system':
      node.assign?.forEach((a, i) => {
        checkPath(a.target, [...at, 'assign', i, 'target'], `${subject} assignment`, ctx);
        ctx.problems.push(...checkRuleSite(a.value, [...at, 'assign', i, 'value'], `${subject} assignment to '${a.target}'`, resolve));
      });
      node.alert?.to.forEach((r, i) => checkRole(r, [...at, 'alert', 'to', i], `${subject} alert`, ctx));
      break;
    case 'subflow':
      for (const [name, rule] of Object.entries(node.input ?? {})) {
        ctx.problems.push(...checkRuleSite(rule, [...at, 'input', name], `${subject} input '${name}'`, resolve));
      }
      for (const [target, rule] of Object.entries(node.output ?? {})) {
        checkPath(target, [...at, 'output', target], `${subject} output`, ctx);
        // Output rules read the child flow's data, which is not known here.
        ctx.problems.push(...checkRuleSite(rule, [...at, 'output', target], `${subject} output '${target}'`, undefined));
      }
      break;
    default:
      break;
  }
}

function checkTaskWindow(node: Extract<FlowNodeT, { kind: 'task' }>, at: PropertyKey[], ctx: RefContext): void {
  if (!ctx.catalog || !node.window) return;
  const subject = `Node '${node.id}'`;
  const win = ctx.windows.get(node.window);
  if (!win) {
    ctx.problems.push({ code: 'FLOW_E024', path: toPointer([...at, 'window']), message: `${subject} opens window '${node.window}', which the catalog does not have.${suggest(node.window, ctx.windows.keys())}` });
    return;
  }
  if (node.record) {
    const v = ctx.data[node.record];
    if (!v) {
      ctx.problems.push({ code: 'FLOW_E027', path: toPointer([...at, 'record']), message: `${subject} opens its window on variable '${node.record}', which is not in the flow's data.${suggest(node.record, Object.keys(ctx.data))}` });
    } else if (v.type !== 'record' || v.entity !== win.entity) {
      ctx.problems.push({ code: 'FLOW_E028', path: toPointer([...at, 'record']), message: `${subject} opens window '${win.id}' (a ${win.entity} screen) on variable '${node.record}', which does not hold a ${win.entity} record.` });
    }
    return;
  }
  const candidates = Object.entries(ctx.data).filter(([, v]) => v.type === 'record' && v.entity === win.entity);
  if (candidates.length === 0) {
    ctx.problems.push({ code: 'FLOW_E028', path: toPointer([...at, 'window']), message: `${subject} opens window '${win.id}' (a ${win.entity} screen), but the flow's data has no ${win.entity} record variable to open it on.` });
  } else if (candidates.length > 1) {
    ctx.problems.push({ code: 'FLOW_E028', path: toPointer([...at, 'window']), message: `${subject} opens window '${win.id}', and the flow's data has several ${win.entity} records (${candidates.map(([n]) => n).join(', ')}); say which with 'record'.` });
  }
}

function checkEdge(edge: FlowEdge, at: PropertyKey[], ctx: RefContext): void {
  const subject = `Edge '${edge.id}'`;
  if (!ctx.nodeIds.has(edge.source)) ctx.problems.push({ code: 'FLOW_E021', path: toPointer([...at, 'source']), message: `${subject} starts at node '${edge.source}', which the flow does not have.${suggest(edge.source, ctx.nodeIds)}` });
  if (!ctx.nodeIds.has(edge.target)) ctx.problems.push({ code: 'FLOW_E021', path: toPointer([...at, 'target']), message: `${subject} goes to node '${edge.target}', which the flow does not have.${suggest(edge.target, ctx.nodeIds)}` });
  if (edge.guard !== undefined) ctx.problems.push(...checkRuleSite(edge.guard, [...at, 'guard'], `${subject} guard`, rootResolver(ctx)));
  const link = edge.recordLink;
  if (link) {
    const entity = ctx.entities?.get(link.entity);
    if (ctx.entities && !entity) {
      ctx.problems.push({ code: 'FLOW_E025', path: toPointer([...at, 'recordLink', 'entity']), message: `${subject} links to entity '${link.entity}', which the catalog does not have.${suggest(link.entity, ctx.entities.keys())}` });
    } else if (entity && link.field !== 'id' && !entity.fields.some((f) => f.id === link.field)) {
      ctx.problems.push({ code: 'FLOW_E026', path: toPointer([...at, 'recordLink', 'field']), message: `${subject} links on field '${link.field}', but entity '${entity.id}' has no such field.${suggest(link.field, entity.fields.map((f) => f.id))}` });
    }
    checkPath(link.equals, [...at, 'recordLink', 'equals'], `${subject} record link`, ctx);
  }
}

function checkControl(control: Control, at: PropertyKey[], ctx: RefContext): void {
  const subject = `Control '${control.id}'`;
  ctx.problems.push(...checkRuleSite(control.when, [...at, 'when'], `${subject} condition`, rootResolver(ctx)));
  control.notify?.forEach((r, i) => checkRole(r, [...at, 'notify', i], `${subject} notify`, ctx));
  control.blocks?.forEach((id, i) => checkNodeRef(id, [...at, 'blocks', i], `${subject} gate`, ctx));
}
