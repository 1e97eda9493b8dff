import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateRulesModule, type PrecompiledRulesModule } from '../../src/precompiled-entry.js';

const dir = mkdtempSync(join(tmpdir(), 'crm-flow-rules-'));
let n = 0;

/** Writes the rules' module as a file and imports it, as a host's bundle would load it (no eval in the test either). */
export async function loadRulesModule(rules: Iterable<unknown>): Promise<{ module: PrecompiledRulesModule; source: string }> {
  const source = generateRulesModule(rules);
  const file = join(dir, `rules-${++n}.mjs`);
  writeFileSync(file, source);
  const module = ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: PrecompiledRulesModule }).default;
  return { module, source };
}
