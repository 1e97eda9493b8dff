import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** Vite for Storybook: @crm/flow-runtime from its TypeScript sources, sample flows from the repo. */
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: { fs: { allow: [fileURLToPath(new URL('../../..', import.meta.url))] } },
  worker: { format: 'es' },
});
