/**
 * The checks a write must pass: every path is part of the flow data, the
 * actor may edit it, and the value fits the field's type. Writing a field's
 * current value again is not a change and is never refused, so a form may
 * send back read-only fields untouched.
 */
import { badSegment, diff, getPath, hasValue, sameValue, type PatchEntry } from './data.js';
import { pathAllowed, type TaskBinding } from './access.js';
import type { CompiledFlow } from './compiled.js';
import { refusal, type EngineError } from './errors.js';
import { fieldArg, flowArg, rolesArg, stepArg } from './names.js';
import type { EngineText, TextArg } from './texts/types.js';
import type { DataChange, InstanceState, ProcessData } from './types.js';
import { itemProblem, valueProblem } from './values.js';
import type { ItemField } from '../schema/common.js';

/** Where a write happens, for messages and access. */
export interface WriteScope {
  /** Paths the actor may write, or `'any'` (system writes, start data). */
  editable: readonly string[] | 'any';
  /** The task written through, when there is one. */
  binding?: TaskBinding;
  instanceId?: string;
  taskId?: string;
  /** Set for the data a person starts a case with: a refusal says so. */
  start?: boolean;
}

/** Checks a normalised patch against `data` and returns the changes it makes. */
export function checkWrites(flow: CompiledFlow, data: ProcessData, entries: readonly PatchEntry[], scope: WriteScope): DataChange[] {
  let notEditable: string[] | undefined;
  let invalid: { path: string; problem: EngineText }[] | undefined;
  for (const { path, value } of entries) {
    if (path.length > MIN_LONG_PATH && pathTooLong(path)) {
      const shown = path.length > 60 ? `${path.slice(0, 60)}…` : path;
      throw refusal('UNKNOWN_FIELD', 'UNKNOWN_FIELD.pathTooLong', { path: shown, segments: MAX_PATH_SEGMENTS, chars: MAX_PATH_CHARS }, { ...whereOf(scope), fields: [shown] });
    }
    // pathInfo is memoised per flow; only paths it has not seen are checked for forbidden segments.
    const info = flow.knownPath(path) ?? (badSegment(path) === undefined ? flow.pathInfo(path) : ({ ok: false, reason: `'${path}' is not a data path` } as const));
    if (!info.ok) {
      throw refusal('UNKNOWN_FIELD', 'UNKNOWN_FIELD.path', { path, reason: info.reason }, { ...whereOf(scope), fields: [path] });
    }
    const inList = path.includes('.') ? listPathProblem(flow, data, path, scope) : undefined;
    if (inList?.refusal) throw inList.refusal;
    if (sameValue(getPath(data, path), value)) continue;
    if (scope.editable !== 'any' && !pathAllowed(path, scope.editable)) (notEditable ??= []).push(path);
    const problem = inList?.itemFields ? itemProblem(inList.itemFields, value) : valueProblem(info, value);
    if (problem) (invalid ??= []).push({ path, problem });
  }
  if (notEditable) throw notEditableError(flow, notEditable, scope, whereOf(scope));
  if (invalid) {
    const found = invalid;
    const problems: TextArg = { kind: 'list', items: found.map((i) => ({ kind: 'msg', key: 'value.mustBe', args: { field: fieldArg(flow, i.path), problem: { kind: 'msg', ...i.problem } } })) };
    throw refusal('INVALID_VALUE', 'INVALID_VALUE.type', { problems }, { ...whereOf(scope), fields: found.map((i) => i.path) });
  }
  return diff(data, entries);
}

const INDEX = /^(0|[1-9]\d{0,8})$/;

/**
 * How many dot-separated parts a written path may have. Paths the catalog
 * types have at most four (`order.lines.0.qty`); the bound keeps paths into
 * untyped values (a list without item fields) from nesting stored data
 * without limit or costing time per part.
 */
export const MAX_PATH_SEGMENTS = 16;
/** How many characters a written path may have. */
export const MAX_PATH_CHARS = 1_000;
/** The shortest path that can have more than {@link MAX_PATH_SEGMENTS} parts: shorter ones skip the count. */
const MIN_LONG_PATH = 2 * MAX_PATH_SEGMENTS;

function pathTooLong(path: string): boolean {
  if (path.length > MAX_PATH_CHARS) return true;
  let dots = 0;
  for (let i = path.indexOf('.'); i !== -1; i = path.indexOf('.', i + 1)) if (++dots >= MAX_PATH_SEGMENTS) return true;
  return false;
}

/**
 * Writes into lists are typed: below a list only an item number may follow
 * (0 to the list's length, which adds an item at the end; never `length`, a
 * computed count, nor any other key), and an item written whole must be one
 * item of the list's item fields. A string's `length` is computed too. Returns
 * the refusal, or the item fields a whole-item write is checked against.
 */
function listPathProblem(flow: CompiledFlow, data: ProcessData, path: string, scope: WriteScope): { refusal?: EngineError; itemFields?: ReadonlyArray<ItemField> } | undefined {
  const segments = path.split('.');
  let prefix = segments[0]!;
  for (let k = 1; k < segments.length; k++) {
    const seg = segments[k]!;
    const info = flow.pathInfo(prefix);
    if (info.ok && (info.type === 'list' || info.type === 'string' || info.type === 'text')) {
      const where = { ...whereOf(scope), fields: [path] };
      if (seg === 'length') {
        const what = { kind: 'text' as const, en: info.type === 'list' ? 'number of items' : 'length', zh: info.type === 'list' ? '条目数' : '长度' };
        return { refusal: refusal('UNKNOWN_FIELD', 'UNKNOWN_FIELD.computed', { field: fieldArg(flow, prefix), what }, where) };
      }
      if (info.type !== 'list') return undefined;
      if (!INDEX.test(seg)) return { refusal: refusal('UNKNOWN_FIELD', 'UNKNOWN_FIELD.listKey', { field: fieldArg(flow, prefix), key: seg, example: `${prefix}.0` }, where) };
      const list = getPath(data, prefix);
      const count = Array.isArray(list) ? list.length : 0;
      const index = Number(seg);
      if (index > count) return { refusal: refusal('UNKNOWN_FIELD', 'UNKNOWN_FIELD.listIndex', { field: fieldArg(flow, prefix), count, last: Math.max(0, count - 1), index }, where) };
      if (k === segments.length - 1 && info.itemFields) return { itemFields: info.itemFields };
    }
    prefix = `${prefix}.${seg}`;
  }
  return undefined;
}

/**
 * The error details naming where a write happened. A plain function, not a
 * closure made per call: this runs on every write and only matters on refusals.
 */
function whereOf(scope: WriteScope): object {
  return { ...(scope.instanceId ? { instanceId: scope.instanceId } : {}), ...(scope.taskId ? { taskId: scope.taskId } : {}), ...(scope.binding ? { nodeId: scope.binding.node.id } : {}) };
}

function notEditableError(flow: CompiledFlow, paths: string[], scope: WriteScope, where: object): EngineError {
  if (scope.start) {
    const fields: TextArg = { kind: 'list', items: paths.map((p) => fieldArg(flow, p)) };
    return refusal('FIELD_NOT_EDITABLE', 'FIELD_NOT_EDITABLE.atStart', { fields, flow: flowArg(flow) }, { ...where, fields: paths });
  }
  const binding = scope.binding;
  const first = paths[0]!;
  if (paths.length === 1) {
    const editors = binding?.editorsOf(first) ?? [];
    if (editors.length && binding) {
      return refusal('FIELD_NOT_EDITABLE', 'FIELD_NOT_EDITABLE.onlyIn', { roles: rolesArg(flow, editors), field: fieldArg(flow, first), step: stepArg(flow, binding.node.id) }, { ...where, fields: paths, roles: editors });
    }
    // Not editable in this step at all: say who may change it, and where.
    const elsewhere = editorsElsewhere(flow, first);
    if (elsewhere.roles.length) {
      return refusal(
        'FIELD_NOT_EDITABLE',
        'FIELD_NOT_EDITABLE.onlyElsewhere',
        { roles: rolesArg(flow, elsewhere.roles), field: fieldArg(flow, first), steps: { kind: 'list', items: elsewhere.steps.map((id) => stepArg(flow, id)) } },
        { ...where, fields: paths, roles: elsewhere.roles },
      );
    }
    return refusal('FIELD_NOT_EDITABLE', 'FIELD_NOT_EDITABLE.never', { field: fieldArg(flow, first), ...(binding ? { step: stepArg(flow, binding.node.id) } : {}) }, { ...where, fields: paths, roles: [] });
  }
  const fields: TextArg = { kind: 'list', items: paths.map((p) => fieldArg(flow, p)) };
  return refusal('FIELD_NOT_EDITABLE', 'FIELD_NOT_EDITABLE.notYours', { fields, ...(binding ? { step: stepArg(flow, binding.node.id) } : {}) }, { ...where, fields: paths });
}

/** Roles that may edit `path` in some step of the flow, and those steps. */
function editorsElsewhere(flow: CompiledFlow, path: string): { roles: string[]; steps: string[] } {
  const roles = new Set<string>();
  const steps: string[] = [];
  for (const b of flow.tasks.values()) {
    const editors = b.editorsOf(path);
    if (!editors.length) continue;
    editors.forEach((r) => roles.add(r));
    steps.push(b.node.id);
  }
  return { roles: [...roles], steps };
}

/** Required paths without a value in `state`. */
export function missingRequired(state: InstanceState, binding: TaskBinding): string[] {
  const required = binding.required;
  let missing: string[] | undefined;
  for (let i = 0; i < required.length; i++) if (!hasValue(getPath(state.data, required[i]!))) (missing ??= []).push(required[i]!);
  // Nothing missing (the usual case): the binding's own empty list rather than a new one.
  return missing ?? NOTHING_MISSING;
}

const NOTHING_MISSING: string[] = Object.freeze([]) as unknown as string[];

/** "X needs the credit limit and the payment terms before it can be completed." */
export function requiredError(flow: CompiledFlow, binding: TaskBinding, missing: string[], where: object): EngineError {
  const fields: TextArg = { kind: 'list', items: missing.map((p) => fieldArg(flow, p)) };
  return refusal('REQUIRED_MISSING', 'REQUIRED_MISSING.step', { step: stepArg(flow, binding.node.id), fields }, { ...where, fields: missing });
}

export function upperFirst(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
