export { toSop, type SopOptions } from './sop.js';
