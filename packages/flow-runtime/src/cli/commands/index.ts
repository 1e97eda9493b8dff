import type { CliCommand } from '../command.js';
import { validateCommand } from './validate.js';
import { lintCommand } from './lint.js';
import { sopCommand } from './sop.js';
import { pathsCommand } from './paths.js';
import { simulateCommand } from './simulate.js';
import { testCommand } from './test.js';
import { compileRulesCommand } from './compile-rules.js';

/** Every sub-command, in the order `crm-flow --help` lists them. Add new ones here. */
export const COMMANDS: CliCommand[] = [validateCommand, lintCommand, sopCommand, pathsCommand, simulateCommand, testCommand, compileRulesCommand];
