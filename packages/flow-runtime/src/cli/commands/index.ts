import type { CliCommand } from '../command.js';
import { validateCommand } from './validate.js';

/** Every sub-command, in the order `crm-flow --help` lists them. Add new ones here. */
export const COMMANDS: CliCommand[] = [validateCommand];
