import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import { DEFAULT_MAX_TEXT_LENGTH } from '../schema/json-text.js';

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
  readFile: (p) => readRegularFile(p),
  isTty: Boolean(process.stdout.isTTY),
};

/**
 * Exit codes shared by every command: 0 fine, 1 the flow has problems, 2 a
 * file could not be read or the command was misused, 3 the analysis was cut
 * short by a limit before it could give a verdict (nothing is known to be wrong).
 */
export const EXIT = { ok: 0, problems: 1, unreadable: 2, incomplete: 3 } as const;

/** A usage mistake: printed with the command's usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Why a path was refused before reading: carried as a Node-style error code the loaders explain. */
export class RefusedFile extends Error {
  override name = 'RefusedFile';
  constructor(
    readonly code: 'ENOTREGULAR' | 'ETOOBIG' | 'EISDIR',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a UTF-8 file only if it is a regular file no larger than `maxBytes`:
 * a FIFO, a device (/dev/zero), a socket or a folder is refused at once
 * without reading, and the size is checked before anything is read (opened
 * non-blocking, so opening a FIFO with no writer cannot hang).
 */
export function readRegularFile(path: string, maxBytes = DEFAULT_MAX_TEXT_LENGTH): string {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new RefusedFile('EISDIR', 'it is a folder, not a file');
    if (!st.isFile()) throw new RefusedFile('ENOTREGULAR', `it is not a regular file (${st.isFIFO() ? 'a pipe' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'a special file'}); give the path of a .json file`);
    if (st.size > maxBytes) throw new RefusedFile('ETOOBIG', `it is ${(st.size / 1e6).toFixed(1)} MB, larger than the ${(maxBytes / 1e6).toFixed(0)} MB CRM Flow reads`);
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.toString('utf8', 0, off);
  } finally {
    closeSync(fd);
  }
}
