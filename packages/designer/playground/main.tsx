import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../src/styles.css';
import { parseCatalogText, parseFlowText, type Catalog, type Flow } from '@crm/flow-runtime';
import { FlowDesigner, type DesignerPermission, type FlowTemplate, type Locale, type SimulationScenario } from '../src/index.js';
import catalogJson from '../../../examples/flows/catalog.json';
import { generateFlow } from './generate.js';

/*
 * Query parameters: flow=<sample id>|empty|generated, n=<steps for generated>,
 * locale=en|zh, perm=viewer|key-user|admin, broken=1 (adds a problem), brokenControl=1 (misspells the role the first
 * control point alerts), unusedVariable=1 (adds a variable nothing uses), versions=1, sim=1 (simulation mode),
 * src=<url of a flow's JSON text> with catalog=<url of its catalog's JSON text>: the flow is fetched and
 * goes through parseCatalogText/parseFlowText (validation) before the designer opens, as a published file would.
 */
const params = new URLSearchParams(location.search);
const samples = import.meta.glob<Flow>('../../../examples/flows/*.json', { eager: true, import: 'default' });
const scenarioFiles = import.meta.glob<unknown[]>('../../../examples/flows/scenarios/*.json', { eager: true, import: 'default' });
const baseCatalog = catalogJson as unknown as Catalog;
const sampleFlows = Object.entries(samples)
  .filter(([path]) => !path.endsWith('/catalog.json'))
  .map(([, flow]) => flow);

function emptyFlow(catalog: Catalog): Flow {
  return {
    id: 'new-flow',
    version: 1,
    name: { en: 'New flow', zh: '新流程' },
    catalog: catalog.id,
    data: {},
    nodes: [],
    edges: [],
    layout: { lanes: catalog.departments.slice(0, 2).map((d) => ({ department: d.id, size: 200 })), nodes: {} },
  };
}

/** A flow and catalog fetched as JSON text and validated (src= and catalog=), when the page asks for them. */
let fetched: { flow: Flow; catalog: Catalog } | undefined;

async function fetchValidated(src: string, catalogSrc: string): Promise<{ flow: Flow; catalog: Catalog } | string> {
  const [flowText, catalogText] = await Promise.all([fetch(src).then((r) => r.text()), fetch(catalogSrc).then((r) => r.text())]);
  const catalog = parseCatalogText(catalogText);
  if (!catalog.ok) return catalog.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
  const flow = parseFlowText(flowText, catalog.value);
  if (!flow.ok) return flow.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
  return { flow: flow.value, catalog: catalog.value };
}

function initial(): { flow: Flow; catalog: Catalog } {
  if (fetched) return fetched;
  const which = params.get('flow') ?? 'new-customer-approval';
  if (which === 'generated') return generateFlow(Number(params.get('n') ?? 1000), baseCatalog);
  if (which === 'empty') return { flow: emptyFlow(baseCatalog), catalog: baseCatalog };
  const flow = structuredClone(sampleFlows.find((f) => f.id === which) ?? sampleFlows[0]!);
  if (params.get('broken')) {
    // A step without roles pointing at a window the catalog lacks, and an unconnected step: problems to look at.
    flow.nodes.push({ id: 'orphan-step', kind: 'task', name: { en: 'Orphan step', zh: '孤立步骤' }, department: 'finance', window: 'no-such-window' });
    flow.layout!.nodes!['orphan-step'] = { x: 480, y: (flow.layout?.lanes?.[0]?.size ?? 200) + 40 };
  }
  const control = params.get('brokenControl') ? flow.controls?.find((c) => c.kind === 'alert') : undefined;
  if (control) control.notify = ['sales-rap'];
  if (params.get('unusedVariable')) flow.data.deliveryNote = { type: 'text', name: { en: 'Delivery note', zh: '送货备注' } };
  return { flow, catalog: baseCatalog };
}

declare global {
  interface Window {
    /** The latest flow the designer reported (for e2e checks). */
    __flow?: Flow;
    __published?: Flow;
    /** The latest catalog the catalog editor reported. */
    __catalog?: Catalog;
    __ready?: number;
  }
}

function App() {
  const [{ flow, catalog: startCatalog }, setOpened] = useState(initial);
  const [catalog, setCatalog] = useState(startCatalog);
  const locale = (params.get('locale') as Locale) ?? 'en';
  const permissions = (params.get('perm') as DesignerPermission) ?? 'admin';
  const templates = useMemo<FlowTemplate[]>(() => sampleFlows.map((f) => ({ flow: f, source: 'sample' as const })), []);
  const versions = useMemo(() => {
    if (!params.get('versions')) return undefined;
    const v1 = structuredClone(flow);
    v1.nodes = v1.nodes.filter((n) => n.kind !== 'system' || n.id !== v1.nodes.find((x) => x.kind === 'system')?.id);
    v1.nodes.push({ id: 'legacy-check', kind: 'task', name: { en: 'Legacy check', zh: '旧检查' }, department: v1.nodes[0]?.department });
    v1.layout!.nodes!['legacy-check'] = { x: 500, y: 140 };
    const t = v1.nodes.find((n) => n.kind === 'task');
    if (t) t.name = { en: `${t.name.en} (old)`, zh: t.name.zh };
    return [v1];
  }, [flow]);
  const scenarios = useMemo(() => (scenarioFiles[`../../../examples/flows/scenarios/${flow.id}.scenarios.json`] ?? []) as SimulationScenario[], [flow.id]);
  window.__flow = flow;
  return (
    <FlowDesigner
      flow={flow}
      catalog={catalog}
      locale={locale}
      permissions={permissions}
      templates={templates}
      {...(versions ? { versions } : {})}
      onChange={(f) => (window.__flow = f)}
      onPublish={(f) => (window.__published = f)}
      onCatalogChange={(c) => {
        window.__catalog = c;
        setCatalog(c);
      }}
      scenarios={scenarios}
      flows={sampleFlows}
      onNewFlow={(made) => setOpened((o) => ({ ...o, flow: made }))}
      flowIds={sampleFlows.map((f) => f.id)}
      mode={params.get('sim') ? 'simulate' : 'edit'}
    />
  );
}

const root = createRoot(document.getElementById('root')!);
const src = params.get('src');
if (src) {
  void fetchValidated(src, params.get('catalog') ?? '').then((r) => {
    if (typeof r === 'string') {
      root.render(<pre role="alert">{r}</pre>);
      return;
    }
    fetched = r;
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    window.__ready = performance.now();
  });
} else {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  window.__ready = performance.now();
}
