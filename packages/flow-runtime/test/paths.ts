// Paths shared by the runtime's tests.
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SHARED_DIR = fileURLToPath(new URL('../../../../shared/', import.meta.url));
export const CONFORMANCE_DIR = `${SHARED_DIR}conformance/`;
export const EXAMPLES_DIR = `${REPO_ROOT}examples/flows/`;
export const PACKAGE_DIR = fileURLToPath(new URL('../', import.meta.url));
