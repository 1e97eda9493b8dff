import { formatQuery, type Field, type RuleGroupType } from 'react-querybuilder';
import { parseJsonLogic } from 'react-querybuilder/parseJsonLogic';

/** An empty builder query. */
export const EMPTY_QUERY: RuleGroupType = { combinator: 'and', rules: [] };

/** JsonLogic from a builder query; an empty query is no rule at all, and a single condition is not wrapped in "and". */
export function queryToRule(query: RuleGroupType, fields: Field[]): unknown {
  const rule = formatQuery(query, { format: 'jsonlogic', parseNumbers: 'strict-limited', fields }) as unknown;
  if (rule === false || rule === undefined) return undefined;
  return unwrap(rule);
}

function unwrap(rule: unknown): unknown {
  if (rule && typeof rule === 'object' && !Array.isArray(rule)) {
    const [op] = Object.keys(rule);
    const args = (rule as Record<string, unknown>)[op!];
    if ((op === 'and' || op === 'or') && Array.isArray(args) && args.length === 1) return unwrap(args[0]);
  }
  return rule;
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));
}

/**
 * A builder query for a rule, or `undefined` when the builder cannot show it
 * faithfully (arithmetic, field-to-field comparisons…): then the JSON mode is used.
 */
export function ruleToQuery(rule: unknown, fields: Field[]): RuleGroupType | undefined {
  if (rule === undefined) return EMPTY_QUERY;
  let query: RuleGroupType;
  try {
    query = parseJsonLogic(rule as never, { fields: fields as never });
  } catch {
    return undefined;
  }
  const back = queryToRule(query, fields);
  return canonical(back) === canonical(unwrap(rule)) ? query : undefined;
}
