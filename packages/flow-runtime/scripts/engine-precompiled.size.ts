// What `pnpm size` bundles for runtime.engine_precompiled_gzip_kb: the engine entry with the reader of rules
// compiled ahead of time, as a host imports them (the generated module is the host's own code, counted apart).
export * from '../src/engine-entry.js';
export { precompiledRules } from '../src/precompiled-entry.js';
