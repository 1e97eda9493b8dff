import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths.js';

// The runtime must stay headless: the lint rule is what keeps it so, so it is tested like code.
const eslint = new ESLint({ cwd: REPO_ROOT });

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}${file}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the runtime root entry stays headless', () => {
  it.each([
    ["import React from 'react';", /no React/],
    ["import { createRoot } from 'react-dom/client';", /headless/],
    ["import Dexie from 'dexie';", /dexie subpath/],
    ["import { useStore } from '@xyflow/react';", /headless/],
    ["export * from './stores/dexie/index.js';", /dexie subpath/],
  ])('refuses %s', async (code, message) => {
    const messages = await lint('packages/flow-runtime/src/index.ts', code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it('lets the dexie subpath import dexie', async () => {
    expect(await lint('packages/flow-runtime/src/stores/dexie/index.ts', "import Dexie from 'dexie';\nexport { Dexie };")).toEqual([]);
  });

  it('lets the designer import React', async () => {
    expect(await lint('packages/designer/src/index.ts', "import React from 'react';\nexport { React };")).toEqual([]);
  });
});
