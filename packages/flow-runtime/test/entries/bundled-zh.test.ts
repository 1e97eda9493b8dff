// What a host's bundler keeps: importing only `formatEngineText` from the root entry still renders
// the engine's texts in Chinese (the module that adds them is not tree-shaken away).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function runBundled(contents: string): Promise<string> {
  const out = await build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, write: false, format: 'esm', platform: 'node', conditions: ['source'], logLevel: 'error' });
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0]!.text).toString('base64')}`)) as { text: string };
  return mod.text;
}

describe('the root entry, bundled with only what a host imports', () => {
  it('renders the engine texts in Chinese when only formatEngineText is imported', async () => {
    const text = await runBundled(`import { formatEngineText } from './src/index.ts'; export const text = formatEngineText('NOT_PERMITTED', {}, { locale: 'zh' });`);
    expect(text).toBe('你无权执行此操作：你的角色都不允许。');
  }, 30_000);

  it('the /engine entry alone renders them in English, and in Chinese once /engine/zh is imported', async () => {
    expect(await runBundled(`import { formatEngineText } from './src/engine-entry.ts'; export const text = formatEngineText('NOT_PERMITTED', {}, { locale: 'zh' });`)).toBe('You may not do this: none of your roles allows it.');
    expect(await runBundled(`import { formatEngineText } from './src/engine-entry.ts'; import './src/engine-zh.ts'; export const text = formatEngineText('NOT_PERMITTED', {}, { locale: 'zh' });`)).toBe('你无权执行此操作：你的角色都不允许。');
  }, 30_000);
});
