import { COMMANDS } from './commands/index.js';
import { EXIT, UsageError, nodeIo, type CliIo } from './io.js';
import { isEngineError } from '../engine/errors.js';
import { LogicError } from '../logic/budget.js';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'crm-flow — check, analyse and run CRM Flow definitions',
    '',
    'Usage: crm-flow <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 clean, 1 problems found, 2 unreadable input or bad usage.',
    "Run 'crm-flow <command> --help' for a command's options.",
  ].join('\n');
}

/**
 * Runs the CLI with arguments (without `node` and the script) and returns
 * the exit code. A user's mistake never surfaces as a stack trace.
 */
export async function runCli(argv: string[], io: CliIo = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? EXIT.ok : EXIT.unreadable;
  }
  if (name === '--version' || name === '-v') {
    io.out('crm-flow 0.1.0');
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`error: unknown command '${name}'\n\n${help()}`);
    return EXIT.unreadable;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}\n\n${command.summary}`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`error: ${(error as Error).message}\nUsage: ${command.usage}`);
      return EXIT.unreadable;
    }
    // A flow the engine refuses (not valid, unsafe) or a rule that cannot run is a problem in the input: exit 1.
    if (isEngineError(error) || error instanceof LogicError) {
      const zh = rest.includes('zh');
      const lines: string[] = [];
      if (isEngineError(error) && error.details.problems?.length) for (const p of error.details.problems) lines.push(`  ${p.path || '/'}: ${p.message} [${p.code}]`);
      else if (isEngineError(error) && error.details.findings?.length) for (const f of error.details.findings) lines.push(`  ${zh ? f.message.zh : f.message.en} [${f.rule}]`);
      else lines.push(`  ${error.message}`);
      io.err(`${zh ? '流程有问题，无法运行' : 'the flow cannot be run'} (${error.code}):\n${lines.join('\n')}`);
      return EXIT.problems;
    }
    io.err(`internal error in crm-flow ${name}: ${(error as Error)?.message ?? String(error)}\nThis is a bug in CRM Flow, not in your file; please report it.`);
    return 70;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
