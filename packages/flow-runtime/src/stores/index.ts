export type * from './types.js';
export { createMemoryStore } from './memory.js';
export { FeedPositionError } from './sorted.js';
