import type { LintRule } from '../types.js';
import type { EntityField, FieldConstraints } from '../../schema/catalog.js';
import { fieldLimits } from '../../engine/constraints.js';
import { formatEngineText } from '../../engine/texts/format.js';
import type { EngineText } from '../../engine/texts/types.js';
import { compileRule } from '../../logic/compile.js';
import { named, t } from '../text.js';
import type { Text } from '../types.js';

const DAY = 86_400_000;

/** The limit a field must keep, said in both languages ("the order's discount must be at most 30"). */
function limitText(entityName: EntityField['name'] | undefined, field: EntityField, limit: EngineText): Text {
  const text: EngineText = { key: 'value.limit', args: { field: { kind: 'field', path: field.id, name: field.name, ...(entityName ? { owner: entityName } : {}) }, limit: { kind: 'msg', ...limit } } };
  return t(formatEngineText(text, { locale: 'en' }), formatEngineText(text, { locale: 'zh' }));
}

/** A field with only the limits that do not depend on the rest of the record (what a constant can be judged by). */
function standalone(field: EntityField): EntityField {
  const c = field.constraints;
  if (!c) return field;
  const { rule: _rule, notBefore, notAfter, ...rest } = c;
  const own: FieldConstraints = { ...rest };
  if (notBefore && !('field' in notBefore)) own.notBefore = notBefore;
  if (notAfter && !('field' in notAfter)) own.notAfter = notAfter;
  return { ...field, constraints: own };
}

/** Whether a JsonLogic rule reads data (`var`, `missing`…) anywhere. */
function readsData(rule: unknown): boolean {
  if (Array.isArray(rule)) return rule.some(readsData);
  if (rule === null || typeof rule !== 'object') return false;
  return Object.entries(rule).some(([op, arg]) => op === 'var' || op === 'missing' || op === 'missing_some' || readsData(arg));
}

/** Why no value can ever keep a field's limits together, or undefined when some value can. */
function neverMet(c: FieldConstraints, now: number): Text | undefined {
  const nb = c.notBefore;
  const na = c.notAfter;
  if (nb && na && 'field' in nb && 'field' in na && nb.field === na.field && (nb.days ?? 0) > (na.days ?? 0)) {
    return t(`it must be at least ${nb.days ?? 0} days after '${nb.field}' and at most ${na.days ?? 0} days after it`, `它必须在“${nb.field}”之后至少 ${nb.days ?? 0} 天，又在其后至多 ${na.days ?? 0} 天`);
  }
  if (nb && na && 'today' in nb && 'date' in na) {
    const earliest = new Date(now + nb.today * DAY).toISOString().slice(0, 10);
    if (earliest > na.date) return t(`it must be on or after ${earliest} (today + ${nb.today} days) and on or before ${na.date}, which has passed`, `它必须不早于 ${earliest}（今天起 ${nb.today} 天），又不晚于已经过去的 ${na.date}`);
  }
  if (c.rule && !readsData(c.rule.holds)) {
    let holds: unknown;
    try {
      holds = compileRule(c.rule.holds)({});
    } catch {
      holds = false;
    }
    const truthy = holds === true || (holds !== false && !!holds && !(Array.isArray(holds) && holds.length === 0));
    if (!truthy) return t(`its rule never holds (it reads no value and is always false): "${c.rule.message.en}"`, `其规则永远不成立（不读取任何值，始终为假）：“${c.rule.message.zh ?? c.rule.message.en}”`);
  }
  if (c.pattern !== undefined && c.maxLength !== undefined && c.maxLength < minimumPatternLength(c.pattern)) {
    return t(`its pattern needs at least ${minimumPatternLength(c.pattern)} characters, but it may be at most ${c.maxLength} long`, `其格式至少需要 ${minimumPatternLength(c.pattern)} 个字符，但最多只允许 ${c.maxLength} 个`);
  }
  return undefined;
}

/**
 * A lower bound on the length of any text a pattern matches, for the plain
 * patterns catalogs use (`^\d{18}$`, `^1[3-9]\d{9}$`): literal characters,
 * escapes and classes count one each times their `{n}` / `{n,m}` minimum;
 * `?`, `*` and alternation or groups count nothing (so the bound stays safe).
 */
function minimumPatternLength(pattern: string): number {
  if (/[|()]/.test(pattern)) return 0;
  let n = 0;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    let atom = 1;
    if (ch === '^' || ch === '$') {
      i++;
      continue;
    }
    if (ch === '\\') {
      const next = pattern[i + 1];
      atom = next === 'b' || next === 'B' ? 0 : 1;
      i += 2;
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) return 0;
      i = close + 1;
    } else i++;
    const q = /^(?:\{(\d+)(?:,\d*)?\}|([?*+]))/.exec(pattern.slice(i));
    let times = 1;
    if (q) {
      if (q[1] !== undefined) times = Number(q[1]);
      else if (q[2] === '?' || q[2] === '*') times = 0;
      i += q[0].length;
      if (pattern[i] === '?') i++;
    }
    n += atom * times;
  }
  return n;
}

/**
 * constraints-satisfiable: every field limit the flow's data depends on can be
 * met — an automatic step never assigns a constant its target's limits
 * refuse (the step would fail every time), and no field's limits contradict
 * each other (no value could ever be saved).
 */
export const constraintsSatisfiable: LintRule = {
  id: 'constraints-satisfiable',
  doc: 'Field limits can be met: no automatic step assigns a constant its field refuses, and no field of the flow’s records has limits that no value can keep.',
  about: ['assign'],
  check(ctx, report) {
    const now = Date.now();
    const entities = new Map((ctx.catalog?.entities ?? []).map((e) => [e.id, e]));
    for (const node of ctx.flow.nodes) {
      if (node.kind !== 'system') continue;
      for (const a of node.assign ?? []) {
        if (a.value === null || typeof a.value === 'object') continue;
        const info = ctx.resolvePath(a.target);
        if (!info.ok || !info.field || !('id' in info.field) || !('name' in info.field)) continue;
        const field = info.field as EntityField;
        if (!field.constraints && field.type !== 'money') continue;
        const owner = a.target.includes('.') ? entities.get((ctx.flow.data[a.target.split('.')[0]!] as { entity?: string } | undefined)?.entity ?? '')?.name : undefined;
        for (const limit of fieldLimits(standalone(field), a.value, { now })) {
          const must = limitText(owner, field, limit);
          const value = JSON.stringify(a.value);
          report({
            message: t(`Step ${named(node).en} always sets '${a.target}' to ${value}, but ${must.en}: the step fails every time it runs.`, `步骤${named(node).zh}总是把“${a.target}”设为 ${value}，但${must.zh}：该步骤每次运行都会失败。`),
            nodeIds: [node.id],
            about: ['assign'],
            hint: t('Assign a value within the field’s limits, or change the limits in the catalog.', '请赋一个符合字段限制的值，或在目录中修改该限制。'),
          });
        }
      }
    }
    const seen = new Set<string>();
    for (const variable of Object.values(ctx.flow.data)) {
      const entity = variable.type === 'record' && variable.entity ? entities.get(variable.entity) : undefined;
      if (!entity || seen.has(entity.id)) continue;
      seen.add(entity.id);
      for (const f of entity.fields) {
        const why = f.constraints ? neverMet(f.constraints, now) : undefined;
        if (!why) continue;
        report({
          message: t(`Field '${entity.id}.${f.id}' (${f.name.en}) can never be given a value: ${why.en}.`, `字段“${entity.id}.${f.id}”（${f.name.zh ?? f.name.en}）永远无法取值：${why.zh}。`),
          hint: t('Loosen one of the limits in the catalog so that some value keeps them all.', '请在目录中放宽其中一项限制，使某个值能同时满足所有限制。'),
        });
      }
    }
  },
};
