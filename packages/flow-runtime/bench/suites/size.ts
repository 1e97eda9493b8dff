// runtime.root_gzip_kb and runtime.engine_entry_gzip_kb (the same bundling as
// the CI budget check, scripts/size.ts), with XState's typical import bundled
// the same way in the same run as the reference.
import { BUDGETS, XSTATE_TYPICAL, bundleSize } from '../../scripts/size.js';
import type { BenchResult } from '../harness.js';

export default async function size(): Promise<BenchResult[]> {
  const ref = await bundleSize({ contents: XSTATE_TYPICAL });
  const out: BenchResult[] = [{ name: 'runtime.xstate_typical_gzip_kb', value: ref.gzipKb, unit: 'KB' }];
  for (const b of BUDGETS) {
    const s = await bundleSize({ entry: b.entry });
    out.push({ name: b.name, value: s.gzipKb, unit: 'KB', ratio: s.gzipKb / ref.gzipKb, against: `XState's typical import ${ref.gzipKb.toFixed(1)} KB gzip (ratio: ours over theirs, smaller is better); esbuild, minified, gzip -9`, target: `≤ ${b.budgetKb}` });
  }
  return out;
}
