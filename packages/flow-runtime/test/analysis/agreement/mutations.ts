// Single mutations of a flow, of the kinds key users make while drawing:
// a connection dropped or drawn to the wrong step, a typo in a role, window,
// department, field or variable, a record binding removed, a connection
// drawn twice, a second default branch, a condition removed, a step left
// unconnected, a join given one way in too many or too few, a wait whose
// condition can never hold. Each mutation is picked by two numbers (which
// place, which target), so fast-check can shrink to the smallest case and a
// failure names a mutation that can be replayed by hand.

/** A flow definition as plain JSON (mutations may leave it invalid). */
export type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What a mutation did, in words a failing test can print. */
export interface Mutated {
  kind: MutationKind;
  what: string;
  flow: J;
}

/** A misspelling of an id or name: one letter left out from the middle (never the same text). */
export function typo(s: string): string {
  const k = Math.max(1, Math.floor(s.length / 2));
  const out = s.slice(0, k) + s.slice(k + 1);
  return out.length > 0 && out !== s ? out : `${s}x`;
}

const pick = <T>(list: ReadonlyArray<T>, i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
const clone = (f: J): J => structuredClone(f);
const isRule = (x: unknown): x is J => typeof x === 'object' && x !== null;

/** Every `{ var: path }` inside a rule, as live objects (so they can be edited in place). */
function varsIn(rule: unknown, out: J[] = []): J[] {
  if (Array.isArray(rule)) for (const x of rule) varsIn(x, out);
  else if (isRule(rule)) {
    if (typeof rule.var === 'string' && rule.var.length > 0 && Object.keys(rule).length === 1) out.push(rule);
    else if (Array.isArray(rule.var) && typeof rule.var[0] === 'string' && rule.var[0].length > 0) out.push(rule);
    else for (const v of Object.values(rule)) varsIn(v, out);
  }
  return out;
}

/** The rules of a flow the engine evaluates: guards, wait conditions, control conditions, system values, sub-flow mappings. */
function rulesOf(f: J): unknown[] {
  const rules: unknown[] = [];
  for (const e of f.edges) if (e.guard !== undefined) rules.push(e.guard);
  for (const n of f.nodes) {
    if (n.kind === 'wait' && n.until !== undefined) rules.push(n.until);
    if (n.kind === 'system') for (const a of n.assign ?? []) rules.push(a.value);
    if (n.kind === 'subflow') rules.push(...Object.values(n.input ?? {}), ...Object.values(n.output ?? {}));
  }
  for (const c of f.controls ?? []) rules.push(c.when);
  return rules;
}

const varPath = (v: J): string => (Array.isArray(v.var) ? v.var[0] : v.var) as string;
const setVarPath = (v: J, p: string): void => {
  if (Array.isArray(v.var)) v.var[0] = p;
  else v.var = p;
};

/** References to data the flow declares: `var`s that start with a variable of the flow (not `outcome` or a child's data). */
function dataVars(f: J): J[] {
  return rulesOf(f)
    .flatMap((r) => varsIn(r))
    .filter((v) => Object.hasOwn(f.data ?? {}, varPath(v).split('.')[0]!));
}

const fresh = (f: J, base: string): string => {
  const ids = new Set([...f.nodes.map((n: J) => n.id), ...f.edges.map((e: J) => e.id), ...(f.controls ?? []).map((c: J) => c.id)]);
  let id = base;
  for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
  return id;
};

const out = (kind: MutationKind, what: string, flow: J): Mutated => ({ kind, what, flow });

/**
 * The mutations, by kind. Each takes the flow and two numbers and returns
 * the mutated copy, or undefined when the flow has nothing of that kind
 * (a join count change on a flow without joins).
 */
export const MUTATIONS = {
  'drop-edge'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const e = pick(g.edges as J[], a);
    if (!e) return undefined;
    g.edges = g.edges.filter((x: J) => x !== e);
    return out('drop-edge', `dropped connection ${e.id}`, g);
  },
  'retarget-edge'(f: J, a: number, b: number): Mutated | undefined {
    const g = clone(f);
    const e = pick(g.edges as J[], a);
    const targets = (g.nodes as J[]).filter((n) => n.kind !== 'start' && n.id !== e?.target);
    const t = pick(targets, b);
    if (!e || !t) return undefined;
    const was = e.target;
    e.target = t.id;
    return out('retarget-edge', `connection ${e.id} now goes to ${t.id} instead of ${was}`, g);
  },
  'typo-role'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const places: Array<[J, string, number]> = [];
    for (const n of g.nodes as J[]) {
      (n.roles ?? []).forEach((_: string, i: number) => places.push([n.roles, `${n.id}.roles`, i]));
      if (n.sla?.escalateTo) places.push([n.sla, `${n.id}.sla.escalateTo`, -1]);
      (n.alert?.to ?? []).forEach((_: string, i: number) => places.push([n.alert.to, `${n.id}.alert.to`, i]));
    }
    for (const c of (g.controls ?? []) as J[]) (c.notify ?? []).forEach((_: string, i: number) => places.push([c.notify, `${c.id}.notify`, i]));
    const p = pick(places, a);
    if (!p) return undefined;
    const [holder, where, i] = p;
    if (i < 0) holder.escalateTo = typo(holder.escalateTo);
    else holder[i] = typo(holder[i]);
    return out('typo-role', `role misspelt in ${where}`, g);
  },
  'typo-window'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const t = pick((g.nodes as J[]).filter((n) => n.kind === 'task' && n.window), a);
    if (!t) return undefined;
    t.window = typo(t.window);
    return out('typo-window', `window of ${t.id} misspelt ${t.window}`, g);
  },
  'typo-department'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const t = pick((g.nodes as J[]).filter((n) => n.department), a);
    if (!t) return undefined;
    t.department = typo(t.department);
    return out('typo-department', `department of ${t.id} misspelt ${t.department}`, g);
  },
  'typo-field'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const v = pick(
      dataVars(g).filter((x) => varPath(x).includes('.')),
      a,
    );
    if (!v) return undefined;
    const [root, ...rest] = varPath(v).split('.');
    const before = varPath(v);
    setVarPath(v, [root, typo(rest[0]!), ...rest.slice(1)].join('.'));
    return out('typo-field', `field reference ${before} misspelt ${varPath(v)}`, g);
  },
  'typo-variable'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const v = pick(dataVars(g), a);
    if (!v) return undefined;
    const [root, ...rest] = varPath(v).split('.');
    const before = varPath(v);
    setVarPath(v, [typo(root!), ...rest].join('.'));
    return out('typo-variable', `variable reference ${before} misspelt ${varPath(v)}`, g);
  },
  'typo-assign-target'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const places = (g.nodes as J[]).filter((n) => n.kind === 'system').flatMap((n) => (n.assign ?? []).map((x: J) => [n, x] as const));
    const p = pick(places, a);
    if (!p) return undefined;
    const [n, x] = p;
    const parts = (x.target as string).split('.');
    const last = parts.length - 1;
    parts[last] = typo(parts[last]!);
    const before = x.target;
    x.target = parts.join('.');
    return out('typo-assign-target', `${n.id} now sets ${x.target} instead of ${before}`, g);
  },
  'remove-record'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const t = pick((g.nodes as J[]).filter((n) => n.kind === 'task' && n.record), a);
    if (!t) return undefined;
    delete t.record;
    return out('remove-record', `record binding of ${t.id} removed`, g);
  },
  'duplicate-edge'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const e = pick(g.edges as J[], a);
    if (!e) return undefined;
    const copy: J = { ...structuredClone(e), id: fresh(g, `${e.id}-again`) };
    delete copy.default;
    g.edges.push(copy);
    return out('duplicate-edge', `connection ${e.id} drawn twice (${copy.id})`, g);
  },
  'second-default'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const e = pick(
      (g.edges as J[]).filter((x) => !x.default && (g.edges as J[]).some((y) => y.source === x.source && y.default)),
      a,
    );
    if (!e) return undefined;
    e.default = true;
    delete e.guard;
    return out('second-default', `branch ${e.id} made a second default of ${e.source}`, g);
  },
  'remove-guard'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const e = pick((g.edges as J[]).filter((x) => x.guard !== undefined), a);
    if (!e) return undefined;
    delete e.guard;
    return out('remove-guard', `condition of ${e.id} removed`, g);
  },
  'remove-default'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const e = pick((g.edges as J[]).filter((x) => x.default), a);
    if (!e) return undefined;
    delete e.default;
    return out('remove-default', `${e.id} is no longer the default branch`, g);
  },
  'unreachable-node'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const tasks = (g.nodes as J[]).filter((n) => n.kind === 'task');
    const like = pick(tasks, a);
    const next = like && (g.edges as J[]).find((e) => e.source === like.id);
    if (!like || !next) return undefined;
    const id = fresh(g, `${like.id}-extra`);
    g.nodes.push({ ...structuredClone(like), id, name: { en: `Extra ${like.name.en}`, zh: `额外${like.name.zh ?? like.name.en}` }, notSameActorAs: undefined });
    delete g.nodes[g.nodes.length - 1].notSameActorAs;
    g.edges.push({ id: fresh(g, `${id}-to-${next.target}`), source: id, target: next.target });
    return out('unreachable-node', `a copy of ${like.id} (${id}) drawn with no way in`, g);
  },
  'join-extra-in'(f: J, a: number, b: number): Mutated | undefined {
    const g = clone(f);
    const j = pick((g.nodes as J[]).filter((n) => n.kind === 'join'), a);
    if (!j) return undefined;
    const into = (g.edges as J[]).filter((e) => e.target === j.id);
    const e = pick(into, b);
    if (!e) return undefined;
    const copy: J = { ...structuredClone(e), id: fresh(g, `${e.id}-second`) };
    delete copy.default;
    // A second way in from the same branch's step: the join now waits for a branch that comes once.
    g.edges.push(copy);
    return out('join-extra-in', `join ${j.id} given one way in too many (${copy.id}, from ${e.source})`, g);
  },
  'join-fewer-in'(f: J, a: number, b: number): Mutated | undefined {
    const g = clone(f);
    const j = pick((g.nodes as J[]).filter((n) => n.kind === 'join'), a);
    if (!j) return undefined;
    const into = (g.edges as J[]).filter((e) => e.target === j.id);
    const e = pick(into, b);
    if (!e || into.length < 2) return undefined;
    const others = (g.nodes as J[]).filter((n) => n.kind === 'end');
    const end = pick(others, b);
    if (!end) return undefined;
    e.target = end.id;
    return out('join-fewer-in', `branch ${e.id} into join ${j.id} now goes to the end ${end.id}`, g);
  },
  'contradictory-wait'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const w = pick((g.nodes as J[]).filter((n) => n.kind === 'wait' && n.until !== undefined), a);
    if (!w) return undefined;
    // The condition and its opposite at once: whatever the data, it never holds.
    w.until = { and: [w.until, { '!': w.until }] };
    return out('contradictory-wait', `wait ${w.id} now waits for its condition and its opposite at once`, g);
  },
  'typo-subflow'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const s = pick((g.nodes as J[]).filter((n) => n.kind === 'subflow'), a);
    if (!s) return undefined;
    s.flow = typo(s.flow);
    return out('typo-subflow', `sub-flow of ${s.id} misspelt ${s.flow}`, g);
  },
  'typo-step-reference'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const places: Array<[J[], string, number]> = [];
    for (const n of g.nodes as J[]) (n.notSameActorAs ?? []).forEach((_: string, i: number) => places.push([n.notSameActorAs, `${n.id}.notSameActorAs`, i]));
    for (const c of (g.controls ?? []) as J[]) (c.blocks ?? []).forEach((_: string, i: number) => places.push([c.blocks, `${c.id}.blocks`, i]));
    const p = pick(places, a);
    if (!p) return undefined;
    const [list, where, i] = p;
    list[i] = typo(list[i] as unknown as string) as unknown as J;
    return out('typo-step-reference', `step named in ${where} misspelt`, g);
  },
  'typo-record'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const t = pick((g.nodes as J[]).filter((n) => n.kind === 'task' && n.record), a);
    if (!t) return undefined;
    t.record = typo(t.record);
    return out('typo-record', `record binding of ${t.id} misspelt ${t.record}`, g);
  },
  'typo-task-path'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const places: Array<[J, 'fields' | 'required', number]> = [];
    for (const n of g.nodes as J[]) for (const k of ['fields', 'required'] as const) (n[k] ?? []).forEach((_: string, i: number) => places.push([n, k, i]));
    const p = pick(places, a);
    if (!p) return undefined;
    const [n, k, i] = p;
    const parts = (n[k][i] as string).split('.');
    parts[parts.length - 1] = typo(parts[parts.length - 1]!);
    const before = n[k][i];
    n[k][i] = parts.join('.');
    return out('typo-task-path', `${n.id}.${k} names ${n[k][i]} instead of ${before}`, g);
  },
  'typo-edge-end'(f: J, a: number, b: number): Mutated | undefined {
    const g = clone(f);
    const e = pick(g.edges as J[], a);
    if (!e) return undefined;
    const end = b % 2 === 0 ? 'target' : 'source';
    const before = e[end];
    // A misspelling that happens to be another step's id is a different edit (a connection redrawn): keep it a misspelling.
    const ids = new Set((g.nodes as J[]).map((x) => x.id as string));
    let wrong = typo(before);
    while (ids.has(wrong)) wrong = `${wrong}x`;
    e[end] = wrong;
    return out('typo-edge-end', `${end} of connection ${e.id} misspelt ${e[end]} (was ${before})`, g);
  },
  'second-start'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const target = pick((g.nodes as J[]).filter((n) => n.kind === 'task'), a);
    if (!target) return undefined;
    const id = fresh(g, 'second-start');
    g.nodes.push({ id, kind: 'start', name: { en: 'Phone order', zh: '电话下单' } });
    g.edges.push({ id: fresh(g, `${id}-to-${target.id}`), source: id, target: target.id });
    return out('second-start', `a second start leading to ${target.id}`, g);
  },
  'typo-option-value'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    // A string constant compared with data in a guard: a choice value such as 'prepay'.
    const places: J[][] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (isRule(x))
        for (const [op, args] of Object.entries(x)) {
          if ((op === '==' || op === '!=' || op === '===' || op === '!==') && Array.isArray(args) && args.length === 2 && isRule(args[0]) && 'var' in args[0] && typeof args[1] === 'string' && args[1].length > 2) places.push(args as J[]);
          else walk(args);
        }
    };
    for (const e of g.edges as J[]) if (e.guard !== undefined) walk(e.guard);
    const p = pick(places, a);
    if (!p) return undefined;
    const before = p[1] as unknown as string;
    (p as unknown[])[1] = typo(before);
    return out('typo-option-value', `a condition compares with '${(p as unknown[])[1] as string}' instead of '${before}'`, g);
  },
  'remove-roles'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const t = pick((g.nodes as J[]).filter((n) => n.kind === 'task' && n.roles?.length), a);
    if (!t) return undefined;
    delete t.roles;
    return out('remove-roles', `roles of ${t.id} removed`, g);
  },
  'remove-department'(f: J, a: number): Mutated | undefined {
    const g = clone(f);
    const t = pick((g.nodes as J[]).filter((n) => n.kind === 'task' && n.department), a);
    if (!t) return undefined;
    delete t.department;
    return out('remove-department', `department of ${t.id} removed`, g);
  },
  'edge-out-of-end'(f: J, a: number, b: number): Mutated | undefined {
    const g = clone(f);
    const e = pick((g.nodes as J[]).filter((n) => n.kind === 'end'), a);
    const t = pick((g.nodes as J[]).filter((n) => n.kind === 'task'), b);
    if (!e || !t) return undefined;
    g.edges.push({ id: fresh(g, `${e.id}-to-${t.id}`), source: e.id, target: t.id });
    return out('edge-out-of-end', `a connection drawn out of the end ${e.id} to ${t.id}`, g);
  },
} satisfies Record<string, (f: J, a: number, b: number) => Mutated | undefined>;

/** A kind of single mutation. */
export type MutationKind = keyof typeof MUTATIONS;
export const MUTATION_KINDS = Object.keys(MUTATIONS) as MutationKind[];

/** Applies mutation `kind` at places `a`, `b` (taken modulo the number of places). */
export function mutate(f: J, kind: MutationKind, a: number, b = 0): Mutated | undefined {
  return (MUTATIONS[kind] as (f: J, a: number, b: number) => Mutated | undefined)(f, a, b);
}
