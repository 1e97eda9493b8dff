export type * from './types.js';
export { createMemoryStore } from './memory.js';
