// What `pnpm size` bundles for runtime.engine_entry_zh_gzip_kb: the engine entry as a host that wants Chinese imports it.
export * from '../src/engine-entry.js';
export * from '../src/engine-zh.js';
