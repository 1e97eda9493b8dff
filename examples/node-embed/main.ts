// Embedding CRM Flow in a Node script: deploy the sample new-order flow, start an
// order for a customer near the credit limit, work it as a sales rep and a finance
// user (and the warehouse), show two refusals, and print the audit trail.
//
//   pnpm --filter @crm/example-node-embed start
//   (or from the repo root: node --conditions=source --import tsx examples/node-embed/main.ts)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, createMemoryStore, formatEngineText, isEngineError, parseCatalogOrThrow, type Actor, type Engine } from '@crm/flow-runtime';

const flows = fileURLToPath(new URL('../flows/', import.meta.url));
const read = (file: string): unknown => JSON.parse(readFileSync(flows + file, 'utf8'));

/** Runs the walkthrough, writing lines to `print`; returns the engine and instance for inspection. */
export async function main(print: (line: string) => void = console.log): Promise<{ engine: Engine; instanceId: string }> {
  // A fixed clock and counting ids make the run (and this output) the same every time.
  let now = Date.parse('2024-04-08T09:00:00+08:00');
  let n = 0;
  const engine = createEngine({
    store: createMemoryStore(),
    catalog: parseCatalogOrThrow(read('catalog.json')),
    clock: { now: () => now },
    ids: () => `SO-FLOW-${++n}`,
  });
  const later = (minutes: number) => void (now += minutes * 60_000);

  // Versions are immutable; deploy validates against the catalog and compiles every rule once.
  // Deploying is an administrator's command; the engine refuses it from anyone else.
  const admin: Actor = { id: 'sun.hao', name: 'Sun Hao', roles: ['admin'] };
  await engine.deploy(read('credit-limit-review.json'), { actor: admin }); // new-order may call it as a sub-flow
  const { flowId, version } = await engine.deploy(read('new-order.json'), { actor: admin });
  print(`Deployed ${flowId} v${version}.`);

  // Alerts and every other event reach subscribers as data.
  engine.subscribe(({ events }) => {
    for (const e of events) if (e.type === 'alert.raised') print(`  ⚠ alert to ${e.to.join(', ')}: ${e.message.en}`);
  });

  const liNa: Actor = { id: 'li.na', name: 'Li Na', roles: ['sales-rep'] };
  const chenJing: Actor = { id: 'chen.jing', name: 'Chen Jing', roles: ['finance'] };
  const zhaoLei: Actor = { id: 'zhao.lei', name: 'Zhao Lei', roles: ['warehouse'] };

  const customer = { id: 'C-0001', name: 'Suzhou Hengtai Precision', status: 'active', paymentTerms: 'net30', creditLimit: 500_000, creditUsed: 455_000 };
  // The customer record comes from our CRM (hostData); what Li Na enters at the start is only which order and payment this is.
  const { instance } = await engine.start('new-order', { actor: liNa, hostData: { customer }, data: { order: { id: 'SO-2024-0311' }, payment: { id: 'PAY-2024-0520' } } });
  const id = instance.instanceId;
  print(`Li Na started ${id} for ${customer.name} (credit used 91% of the limit).`);

  // Sales: the inbox holds the order entry, opened on the order window with the fields Li Na may edit.
  later(5);
  const [entry] = await engine.tasks({ actor: liNa });
  print(`Li Na's inbox: '${entry!.name.en}' on window '${entry!.window?.name.en}', may edit ${entry!.editable.join(', ')}.`);

  // A finance user cannot do a sales step; a sales rep cannot touch the credit limit.
  await refused(print, engine.complete(id, entry!.taskId, { actor: chenJing }));
  await refused(print, engine.complete(id, entry!.taskId, { actor: liNa, data: { 'customer.creditLimit': 900_000 } }));

  await engine.complete(id, entry!.taskId, {
    actor: liNa,
    data: { order: { lines: [{ sku: 'HT-6204-2RS', qty: 1000, price: 18.5 }], requestedShipDate: '2024-04-15', remarks: 'Monthly restock' } },
  });
  print('Li Na entered the order (18,500).');

  // Finance: the credit check is mandatory; its note is required.
  later(40);
  const [check] = await engine.tasks({ actor: chenJing });
  await refused(print, engine.complete(id, check!.taskId, { actor: chenJing }));
  await engine.complete(id, check!.taskId, { actor: chenJing, data: { 'order.creditCheckNote': '455k used + 18.5k stays within 500k.' } });
  print('Chen Jing passed the credit check; the order is confirmed.');

  // Warehouse ships it.
  later(24 * 60);
  const [ship] = await engine.tasks({ actor: zhaoLei });
  const done = await engine.complete(id, ship!.taskId, {
    actor: zhaoLei,
    data: { order: { carrier: 'SF Express', trackingNumber: 'SF1402 3365 8890', shippedAt: '2024-04-09T15:30:00+08:00' } },
  });
  print(`Zhao Lei shipped it. The process is ${done.instance.status}, outcome '${done.instance.outcome}'.`);

  print('\nAudit trail:');
  for (const h of await engine.history(id)) {
    if (h.type === 'token.moved') continue; // the moves are in the log; the trail reads better without them
    print(`  ${shanghai(h.at)}  ${h.summary}`);
  }

  // Everything the engine says is an engine text: the same trail for a reader in Chinese, in Shanghai time.
  print('\n审计记录（前五条）：');
  const zh = (await engine.history(id, { locale: 'zh', timeZone: 'Asia/Shanghai' })).filter((h) => h.type !== 'token.moved');
  for (const h of zh.slice(0, 5)) print(`  ${shanghai(h.at)}  ${h.summary}`);
  return { engine, instanceId: id };
}

/** "2024-04-08 09:05" in China Standard Time, where the sample company works. */
function shanghai(ms: number): string {
  return new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);
}

async function refused(print: (line: string) => void, attempt: Promise<unknown>): Promise<void> {
  try {
    await attempt;
    print('  (unexpectedly accepted)');
  } catch (e) {
    if (!isEngineError(e)) throw e;
    print(`  refused ${e.code}: ${e.message}`);
    // The same refusal for a reader in Chinese, rendered from its code and details.
    print(`          ${formatEngineText(e.code, e.details, { locale: 'zh' })}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
