/**
 * Record ids. A record variable stands for one CRM record, and the host can
 * only tell which record that is by its id (`<var>.id`): to open a task's
 * window on it, or to link another record to it (`payment.order = order.id`).
 * A record a flow makes itself (a payment, an order from a quote) has no id
 * from the host, so the engine gives it one as soon as the case holds one of
 * its fields.
 *
 * Ids are generated while a command is decided, with the injected id source,
 * and recorded in the events (in `instance.started`'s data, or as a change of
 * `<var>.id` in the same `data.changed` event). The fold never generates one,
 * so a replay gives exactly the same ids. An id already there is never
 * changed. A flow that empties a record variable (`payment = null` or `{}`)
 * drops its id with it: the next write to it makes a new record, with a new id.
 */
import { applyChanges, getPath, hasValue, isPlainObject, setPath } from './data.js';
import type { DecideContext, Run } from './run.js';
import type { DataChange, ProcessData } from './types.js';
import type { Variable } from '../schema/flow.js';

type Variables = Readonly<Record<string, Variable>>;

/** True when `value` is a record that holds a field but no id. */
export function needsRecordId(value: unknown): boolean {
  if (!isPlainObject(value) || hasValue(value.id)) return false;
  for (const key in value) if (key !== 'id' && hasValue(value[key])) return true;
  return false;
}

function isRecord(variables: Variables, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(variables, name) && variables[name]!.type === 'record';
}

function head(path: string): string {
  const dot = path.indexOf('.');
  return dot < 0 ? path : path.slice(0, dot);
}

/** A new id for the record in variable `name`, from the command's id source. */
function newRecordId(ctx: DecideContext, variables: Variables, name: string): string {
  if (!ctx.newRecordId) return ctx.newInstanceId();
  const entity = variables[name]?.entity;
  return ctx.newRecordId(entity ? { variable: name, entity } : { variable: name });
}

/** Start data with an id for every record that has fields and none (a sub-flow child's input included). */
export function withStartIds(variables: Variables, data: ProcessData, ctx: DecideContext): ProcessData {
  let out = data;
  for (const name of Object.keys(data)) {
    if (isRecord(variables, name) && needsRecordId(data[name])) out = setPath(out, `${name}.id`, newRecordId(ctx, variables, name));
  }
  return out;
}

/**
 * The id change a write to `path` calls for, given the data after it: the
 * record `path` writes into, when it now holds a field and no id. System
 * steps call this after each assignment, so a later assignment of the same
 * step can read the id (`payment.order = order.id` after `order.customer = …`).
 */
export function idFor(run: Run, data: ProcessData, path: string): { path: string; value: string } | undefined {
  const name = head(path);
  if (!isRecord(run.flow.flow.data, name) || !needsRecordId(data[name])) return undefined;
  return { path: `${name}.id`, value: newRecordId(run.ctx, run.flow.flow.data, name) };
}

/**
 * `changes` followed by an id change for each record they write into that
 * holds a field and no id afterwards. Returned as is when no record needs one.
 */
export function withRecordIds(run: Run, changes: DataChange[]): DataChange[] {
  const variables = run.flow.flow.data;
  let names: string[] | undefined;
  for (const c of changes) {
    const name = head(c.path);
    if (isRecord(variables, name) && !names?.includes(name)) (names ??= []).push(name);
  }
  if (!names) return changes;
  const after = applyChanges(run.state.data, changes);
  let out = changes;
  for (const name of names) {
    if (!needsRecordId(after[name])) continue;
    if (out === changes) out = changes.slice();
    const from = getPath(after, `${name}.id`);
    out.push({ path: `${name}.id`, from: from === undefined ? null : from, to: newRecordId(run.ctx, variables, name) });
  }
  return out;
}
