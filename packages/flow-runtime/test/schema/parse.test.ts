import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogJsonSchema, flowJsonSchema } from '../../src/schema/json-schema.js';
import { parseCatalog, parseCatalogOrThrow, parseFlow, parseFlowOrThrow, FlowDefinitionError } from '../../src/index.js';
import { PACKAGE_DIR } from '../paths.js';

const fixtures = `${PACKAGE_DIR}test/fixtures/`;
const rawCatalog = JSON.parse(readFileSync(`${fixtures}mini-catalog.json`, 'utf8')) as Record<string, unknown>;
const rawFlow = JSON.parse(readFileSync(`${fixtures}mini-flow.json`, 'utf8')) as Record<string, unknown>;
const catalog = parseCatalogOrThrow(rawCatalog);
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('parseFlow on a valid flow', () => {
  it('returns the typed flow', () => {
    const result = parseFlow(rawFlow, catalog);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const task = result.value.nodes.find((n) => n.id === 'check');
    expect(task?.kind).toBe('task');
    if (task?.kind === 'task') {
      expect(task.window).toBe('credit-check');
      expect(task.notSameActorAs).toEqual(['enter']);
    }
    expect(result.value.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(result.value.controls?.[0]?.kind).toBe('alert');
  });

  it('accepts a draft without catalog references checked', () => {
    const draft = copy(rawFlow) as { nodes: Array<Record<string, unknown>> };
    draft.nodes[1]!.window = 'not-yet-in-the-catalog';
    expect(parseFlow(draft).ok).toBe(true);
    expect(parseFlow(draft, catalog).ok).toBe(false);
  });

  it('accepts tasks without department or roles (the linter flags drafts, the parser does not)', () => {
    const draft = copy(rawFlow) as { nodes: Array<Record<string, unknown>> };
    delete draft.nodes[1]!.roles;
    delete draft.nodes[1]!.department;
    expect(parseFlow(draft, catalog).ok).toBe(true);
  });
});

describe('messages name the thing that is wrong', () => {
  const problemsOf = (mutate: (f: { nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> }) => void) => {
    const f = copy(rawFlow) as { nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };
    mutate(f);
    const r = parseFlow(f, catalog);
    return r.ok ? [] : r.problems;
  };

  it('a dangling edge names the edge, the missing node and a near miss', () => {
    expect(problemsOf((f) => (f.edges[1]!.target = 'chek'))).toEqual([
      { code: 'FLOW_E021', path: '/edges/1/target', message: "Edge 'e2' goes to node 'chek', which the flow does not have. Did you mean 'check'?" },
    ]);
  });

  it('an unknown kind lists the kinds', () => {
    const [p] = problemsOf((f) => (f.nodes[3]!.kind = 'gateway'));
    expect(p!.message).toBe("Node 'ok' has kind \"gateway\"; a node's kind is one of start, end, task, decision, parallel, join, wait, system, subflow.");
  });

  it('a wrong type says what was expected and what was found', () => {
    const [p] = problemsOf((f) => (f.nodes[1]!.roles = 'sales-rep'));
    expect(p).toEqual({ code: 'FLOW_E011', path: '/nodes/1/roles', message: "Node 'enter': 'roles' should be a list but is \"sales-rep\"." });
  });

  it('an unknown role names the node and suggests the right one', () => {
    const [p] = problemsOf((f) => (f.nodes[1]!.roles = ['sales_rep']));
    expect(p!.message).toBe("Node 'enter' names role 'sales_rep', which the catalog does not have. Did you mean 'sales-rep'?");
  });

  it('a guard on a misspelt field names the entity and the field it nearly spells', () => {
    const [p] = problemsOf((f) => (f.edges[3]!.guard = { '>': [{ var: 'customer.creditLimt' }, 0] }));
    expect(p!.message).toBe("Edge 'e4' guard reads 'customer.creditLimt', but 'customer' is a customer record, and customer has no field 'creditLimt'. Did you mean 'customer.creditLimit'?");
  });

  it('the thrown form lists every problem', () => {
    const f = copy(rawFlow) as { edges: Array<Record<string, unknown>> };
    f.edges[0]!.source = 'x';
    f.edges[1]!.target = 'y';
    expect(() => parseFlowOrThrow(f, catalog)).toThrow(FlowDefinitionError);
    try {
      parseFlowOrThrow(f, catalog);
    } catch (e) {
      expect((e as FlowDefinitionError).problems).toHaveLength(2);
      expect((e as Error).message).toContain('2 problems');
    }
  });
});

describe('parseCatalog', () => {
  it('returns the typed catalog', () => {
    const r = parseCatalog(rawCatalog);
    expect(r.ok && r.value.windows.map((w) => w.id)).toEqual(['customer-info', 'credit-check']);
  });

  it('reports duplicate field ids within an entity', () => {
    const c = copy(rawCatalog) as { entities: Array<{ fields: Array<{ id: string }> }> };
    c.entities[0]!.fields[1]!.id = 'name';
    const r = parseCatalog(c);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: 'FLOW_E020', path: '/entities/0/fields/1/id' });
  });
});

describe('JSON Schema files', () => {
  it('ship in schemas/ and are up to date (run `pnpm schemas` to regenerate)', () => {
    const onDisk = (name: string) => JSON.parse(readFileSync(`${PACKAGE_DIR}schemas/${name}`, 'utf8')) as unknown;
    expect(onDisk('flow.schema.json')).toEqual(JSON.parse(JSON.stringify(flowJsonSchema())));
    expect(onDisk('catalog.schema.json')).toEqual(JSON.parse(JSON.stringify(catalogJsonSchema())));
  });

  it('describe the node kinds', () => {
    const text = JSON.stringify(flowJsonSchema());
    for (const kind of ['start', 'end', 'task', 'decision', 'parallel', 'join', 'wait', 'system', 'subflow']) expect(text).toContain(`"const":"${kind}"`);
  });
});
