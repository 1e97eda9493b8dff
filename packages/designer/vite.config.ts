import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The playground page (playground/index.html) that mounts <FlowDesigner> with
 * a sample flow; the e2e specs and the browser bench open it.
 * `source` makes @crm/flow-runtime resolve to its TypeScript sources.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./playground', import.meta.url)),
  plugins: [react()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // For e2e and the bench (PLAYGROUND_STATIC=1): no HMR, so edits elsewhere in the tree never reload a page under test.
  server: { port: 5174, strictPort: true, host: '127.0.0.1', fs: { allow: [repoRoot] }, ...(process.env.PLAYGROUND_STATIC ? { hmr: false, watch: null } : {}) },
  preview: { port: 5174, strictPort: true, host: '127.0.0.1' },
  build: { outDir: fileURLToPath(new URL('./playground/dist', import.meta.url)), emptyOutDir: true },
  worker: { format: 'es' },
});
