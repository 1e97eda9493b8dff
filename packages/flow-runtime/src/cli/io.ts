import { readFileSync } from 'node:fs';

/** What a CLI command may touch; tests pass an in-memory one. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads a UTF-8 file; throws a Node error (ENOENT…) when it cannot. */
  readFile(path: string): string;
  /** Whether stdout is a terminal (colour, hints). */
  isTty: boolean;
}

export const nodeIo: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  readFile: (p) => readFileSync(p, 'utf8'),
  isTty: Boolean(process.stdout.isTTY),
};

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, problems: 1, unreadable: 2 } as const;

/** A usage mistake: printed with the command's usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
