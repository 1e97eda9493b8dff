/**
 * The engine's refusals in the user's language, naming the step, the field
 * and who may do it ("Only Finance may change Credit limit."). The engine's
 * own message (English) is the fallback.
 */
import { isEngineError, type Flow } from '@crm/flow-runtime';
import type { I18n } from '../i18n';
import { editorsOf, entity, field, roleName, windowById } from '../windows/catalog-lookup';
import { engineError } from './engine-text';

export interface RefusalContext {
  i18n: I18n;
  flow?: Flow;
  /** The window of the step acted on, and the variable it shows. */
  windowId?: string;
  variable?: string;
}

/** A field path's name (`order.amount` → "Amount"). */
export function pathName(path: string, ctx: RefusalContext): string {
  const [root, fieldId] = path.split('.');
  const v = root ? ctx.flow?.data?.[root] : undefined;
  if (v && fieldId && v.type === 'record' && v.entity) {
    const f = field(v.entity, fieldId);
    if (f) return ctx.i18n.lt(f.name);
    // A new record's number ("EE-E4C27C") is named for its record, not as "id".
    if (fieldId === 'id') return ctx.i18n.t('field.recordNumber', { record: ctx.i18n.lt(v.name) || ctx.i18n.lt(entity(v.entity)?.name) || root! });
  }
  if (v && !fieldId) return ctx.i18n.lt(v.name) || root!;
  return fieldId ?? path;
}

function stepName(nodeId: string | undefined, ctx: RefusalContext): string {
  const node = ctx.flow?.nodes.find((n) => n.id === nodeId);
  return node ? ctx.i18n.lt(node.name) : (nodeId ?? '');
}

const list = (items: string[], i18n: I18n) => items.join(i18n.locale === 'zh' ? '、' : ', ');

/** Plain-language text for an error thrown by an engine command. */
export function explainRefusal(e: unknown, ctx: RefusalContext): string {
  const { i18n } = ctx;
  const { t } = i18n;
  if (!isEngineError(e)) return t('refusal.unexpected', { message: e instanceof Error ? e.message : String(e) });
  const d = e.details;
  const step = stepName(d.nodeId, ctx);
  const roles = (ids: string[] | undefined) => list((ids ?? []).map((r) => roleName(r, i18n.locale)), i18n);
  switch (e.code) {
    case 'NOT_PERMITTED':
      // Not about a step (cancel, deploy, migrate, a draft with no open step): the engine's own sentence.
      return d.nodeId ? t('refusal.notPermitted', { roles: roles(d.roles), step }) : engineError(i18n, e.code, d);
    case 'FIELD_NOT_EDITABLE': {
      const win = ctx.windowId ? windowById(ctx.windowId) : undefined;
      const sentences = (d.fields ?? []).map((path) => {
        const name = pathName(path, ctx);
        const fieldId = path.split('.')[1];
        const editors = win && fieldId ? editorsOf(win, fieldId) : [];
        return editors.length ? t('refusal.onlyMayChange', { roles: roles(editors), field: name }) : t('refusal.nobodyMayChange', { field: name, step });
      });
      return sentences.join(' ') || e.message;
    }
    case 'REQUIRED_MISSING':
      return t('refusal.required', { fields: list((d.fields ?? []).map((p) => pathName(p, ctx)), i18n), step });
    case 'INVALID_VALUE':
      // The engine's own sentence names the field and what it must be, in the UI language.
      return d.text ? engineError(i18n, e.code, d) : t('refusal.invalid', { fields: list((d.fields ?? []).map((p) => pathName(p, ctx)), i18n), message: e.message });
    case 'UNKNOWN_FIELD':
      return t('refusal.unknownField', { fields: list(d.fields ?? [], i18n) });
    case 'GATE_CLOSED': {
      const msgs = (d.controlIds ?? []).map((id) => ctx.flow?.controls?.find((c) => c.id === id)).map((c) => (c && 'message' in c && c.message ? i18n.lt(c.message) : ''));
      return t('refusal.gate', { step, message: msgs.filter(Boolean).join(' ') || e.message });
    }
    case 'TASK_NOT_OPEN':
      return t('refusal.taskNotOpen');
    case 'SAME_ACTOR':
      return t('refusal.sameActor', { step });
    case 'VERSION_CONFLICT':
      return t('refusal.conflict');
    case 'INSTANCE_ENDED':
      return t('refusal.ended');
    default:
      return t('refusal.other', { code: e.code, message: engineError(i18n, e.code, d) });
  }
}
