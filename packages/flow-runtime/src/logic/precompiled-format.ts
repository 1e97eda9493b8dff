/** The format of the module `generateRulesModule` writes; `precompiledRules` refuses another. */
export const PRECOMPILED_FORMAT = 1;

/** The key of a rule in a precompiled module: its JSON text as parsed from the flow. */
export function ruleKey(rule: unknown): string {
  return JSON.stringify(rule);
}
