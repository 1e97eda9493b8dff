export * from './common.js';
export * from './catalog.js';
export * from './flow.js';
export * from './problems.js';
export { parseJsonText, textSizeProblem, type JsonTextLimits } from './json-text.js';
export { parseCatalog, parseCatalogText, parseCatalogOrThrow } from './parse-catalog.js';
export { parseFlow, parseFlowText, parseFlowOrThrow } from './parse-flow.js';
export { resolveDataPath, resolveItemPath, indexEntities, type PathInfo, type EntityIndex } from './data-paths.js';
