import type { CliIo } from './io.js';

/** A `crm-flow` sub-command. `run` returns the exit code; usage mistakes throw {@link UsageError}. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): number | Promise<number>;
}
