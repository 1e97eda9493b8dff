import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The demo resolves the workspace packages to their TypeScript sources
 * (the `source` export condition), so it runs without building them first.
 */
export default defineConfig({
  // Relative asset paths: the built demo runs from any folder of a static host (routes are in the hash).
  base: './',
  plugins: [react()],
  resolve: {
    conditions: ['source', ...defaultClientConditions],
    // One React for the app and the designer, whose node_modules hold their own links.
    dedupe: ['react', 'react-dom', '@xyflow/react'],
  },
  server: { port: 5180, strictPort: true },
  preview: { port: 5181, strictPort: true },
  build: { chunkSizeWarningLimit: 2000 },
});
