/**
 * Starting flows from records, the way a CRM user does it: a new customer
 * starts its approval, a new order the flow of its type, a complaint the
 * complaint handling. The record is made first (so it shows in its list at
 * once) and handed to the flow as data.
 */
import { EngineError, type CommandResult, type DataPatch, type Engine, type Flow } from '@crm/flow-runtime';
import type { CrmDb, CrmRecord } from '../db/crm-db';
import { nextRecordId } from '../db/ids';
import { actorFor, DEMO_USERS, type DemoRole } from './actors';
import { ORDER_FLOWS } from './definitions';

export interface StartContext {
  db: CrmDb;
  engine: Engine;
  now: number;
  role: DemoRole;
}

/** What a start returns: the instance and the task the starter may do first, if any. */
export interface Started {
  instanceId: string;
  firstTaskId?: string;
  result: CommandResult;
}

/**
 * Refuses before any record is made when the role may not start the flow
 * (the engine would refuse the start too, but the draft record would stay).
 */
async function assertMayStart(ctx: StartContext, flowId: string): Promise<void> {
  const flow = await ctx.engine.definition(flowId);
  const start = flow.nodes.find((n) => n.kind === 'start');
  const roles = start && 'roles' in start && Array.isArray(start.roles) ? start.roles : [];
  if (roles.length > 0 && !roles.includes(ctx.role)) {
    throw new EngineError('NOT_PERMITTED', `Only ${roles.join(', ')} may start '${flow.name.en}'.`, { nodeId: start!.id, roles });
  }
}

async function create(ctx: StartContext, entity: string, fields: Record<string, unknown>): Promise<CrmRecord> {
  const id = await nextRecordId(ctx.db, entity);
  const record: CrmRecord = { ...fields, id, createdAt: ctx.now, updatedAt: ctx.now };
  await ctx.db.records(entity).put(record);
  return record;
}

async function get(ctx: StartContext, entity: string, id: string): Promise<CrmRecord> {
  const r = await ctx.db.records(entity).get(id);
  if (!r) throw new Error(`There is no ${entity} ${id}.`);
  return r;
}

/** Strips bookkeeping fields the flow's data schema does not know. */
function asData(r: CrmRecord): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
}

/**
 * Starts the flow on records the CRM already holds: they are the host's data
 * (saved through the CRM's own forms), not fields the starter types into the
 * flow, so they go in as `hostData`; the engine checks them against the flow's
 * data schema.
 */
async function run(ctx: StartContext, flowId: string, records: DataPatch): Promise<Started> {
  const actor = actorFor(ctx.role);
  const result = await ctx.engine.start(flowId, { actor, hostData: records });
  const instanceId = result.instance.instanceId;
  const tasks = await ctx.engine.tasks(instanceId, { actor });
  return { instanceId, ...(tasks[0] ? { firstTaskId: tasks[0].taskId } : {}), result };
}

/** A new customer: made as a prospect owned by the sales rep, then its approval starts. */
export async function startCustomerApproval(ctx: StartContext, customerId?: string): Promise<Started> {
  await assertMayStart(ctx, 'new-customer-approval');
  const customer = customerId
    ? await get(ctx, 'customer', customerId)
    : await create(ctx, 'customer', { status: 'prospect', salesRep: DEMO_USERS[ctx.role].id });
  return run(ctx, 'new-customer-approval', { customer: asData(customer) });
}

/** A new order of a type for a customer: the draft order, then the flow of its type. */
export async function startOrder(ctx: StartContext, customerId: string, type: string, extra: { originalOrder?: string; complaint?: string } = {}): Promise<Started> {
  const flowId = ORDER_FLOWS[type];
  if (!flowId) throw new Error(`No flow handles orders of type '${type}'.`);
  await assertMayStart(ctx, flowId);
  const customer = await get(ctx, 'customer', customerId);
  const order = await create(ctx, 'order', { customer: customerId, type, status: 'draft', lines: [] });
  const data: DataPatch = { customer: asData(customer), order: asData(order) };
  if (type === 'rework') {
    if (extra.originalOrder) data.originalOrder = asData(await get(ctx, 'order', extra.originalOrder));
    if (extra.complaint) data.complaint = asData(await get(ctx, 'complaint', extra.complaint));
  }
  return run(ctx, flowId, data);
}

/** A complaint from a customer (optionally about an order). */
export async function startComplaint(ctx: StartContext, customerId: string, orderId?: string): Promise<Started> {
  await assertMayStart(ctx, 'complaint-handling');
  const customer = await get(ctx, 'customer', customerId);
  const complaint = await create(ctx, 'complaint', { customer: customerId, ...(orderId ? { order: orderId } : {}) });
  const data: DataPatch = { customer: asData(customer), complaint: asData(complaint) };
  if (orderId) data.order = asData(await get(ctx, 'order', orderId));
  return run(ctx, 'complaint-handling', data);
}

/** A quotation for a customer, from an opportunity when there is one. */
export async function startQuotation(ctx: StartContext, customerId: string, opportunityId?: string): Promise<Started> {
  await assertMayStart(ctx, 'quotation');
  const customer = await get(ctx, 'customer', customerId);
  const quote = await create(ctx, 'quote', { customer: customerId, status: 'draft', ...(opportunityId ? { opportunity: opportunityId } : {}) });
  const data: DataPatch = { customer: asData(customer), quote: asData(quote) };
  if (opportunityId) data.opportunity = asData(await get(ctx, 'opportunity', opportunityId));
  return run(ctx, 'quotation', data);
}

/** A request to change a customer's credit limit. */
export async function startCreditReview(ctx: StartContext, customerId: string): Promise<Started> {
  await assertMayStart(ctx, 'credit-limit-review');
  const customer = await get(ctx, 'customer', customerId);
  return run(ctx, 'credit-limit-review', { customer: asData(customer) });
}

/** A lead worked along the CRM main line: qualify, convert, quote, order. */
export async function startLead(ctx: StartContext, leadId: string): Promise<Started> {
  await assertMayStart(ctx, 'lead-to-order');
  const lead = await get(ctx, 'lead', leadId);
  const data: DataPatch = { lead: asData(lead) };
  if (typeof lead.existingCustomer === 'string') data.customer = asData(await get(ctx, 'customer', lead.existingCustomer));
  return run(ctx, 'lead-to-order', data);
}

/** Whether a role may start a flow: its start step lists the role, or lists no roles (everyone). */
export function mayStart(flow: Flow, role: DemoRole): boolean {
  const start = flow.nodes.find((n) => n.kind === 'start');
  const roles = start && 'roles' in start && Array.isArray(start.roles) ? start.roles : [];
  return roles.length === 0 || roles.includes(role);
}

/**
 * Every deployed flow the role may start, at its newest version (the one a
 * new case runs), read from the engine's definitions: flows published from
 * the designer are listed as soon as they are deployed.
 */
export async function startableFlows(engine: Engine, role: DemoRole): Promise<Flow[]> {
  const newest = new Map<string, number>();
  for (const d of await engine.definitions()) newest.set(d.flowId, Math.max(newest.get(d.flowId) ?? 0, d.version));
  const flows = await Promise.all([...newest].map(([id, v]) => engine.definition(id, v)));
  return flows.filter((f) => mayStart(f, role));
}

/** The record variables of a flow a case can be started with: variable, entity and its name. */
export function startRecords(flow: Flow): { variable: string; entity: string; name?: Flow['name'] }[] {
  return Object.entries(flow.data ?? {})
    .filter(([, v]) => v.type === 'record' && v.entity)
    .map(([variable, v]) => ({ variable, entity: v.entity!, ...(v.name ? { name: v.name } : {}) }));
}

/**
 * Starts a case of any deployed flow with the records picked for its record
 * variables (by id); variables left out start empty and are filled in by
 * the flow's steps.
 */
export async function startFlowCase(ctx: StartContext, flowId: string, picks: Record<string, string> = {}): Promise<Started> {
  await assertMayStart(ctx, flowId);
  const flow = await ctx.engine.definition(flowId);
  const data: DataPatch = {};
  for (const { variable, entity } of startRecords(flow)) {
    const id = picks[variable];
    if (id) data[variable] = asData(await get(ctx, entity, id));
  }
  return run(ctx, flowId, data);
}
