/** Errors of the store's setup, in plain language. */
import { sqlState } from './store.js';

/** The database cannot be reached or refused the connection; the message says where and why. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

const NETWORK: Record<string, string> = {
  ECONNREFUSED: 'nothing accepts connections there (is the server running?)',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve',
  ETIMEDOUT: 'the connection timed out',
  ECONNRESET: 'the server closed the connection',
  ENOENT: 'there is no socket at that path (is the server running?)',
  EHOSTUNREACH: 'the host is unreachable',
};

const SERVER: Record<string, string> = {
  '28P01': 'the password was refused',
  '28000': 'the server does not let this user in',
  '3D000': 'the database does not exist',
  '57P03': 'the server is starting up or shutting down',
  '53300': 'the server has no connection slot left',
};

/** Turns a connection failure into a {@link StoreUnavailableError} naming the database; other errors pass through. */
export function unavailable(e: unknown, where: string): unknown {
  const code = sqlState(e) ?? '';
  const message = e instanceof Error ? e.message : String(e);
  const why = NETWORK[code] ?? SERVER[code] ?? (/timeout|terminated|connect/i.test(message) ? message : undefined);
  if (why === undefined) return e;
  return new StoreUnavailableError(`Cannot use the flow store at ${where}: ${why}. Check DATABASE_URL (or the connection options) and that PostgreSQL is running. (${message})`, { cause: e });
}

/** A connection string with its password left out, for messages. */
export function describeUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const host = url.hostname || url.searchParams.get('host') || 'the local socket';
    return `PostgreSQL ${url.username ? `${decodeURIComponent(url.username)}@` : ''}${host}${url.port ? `:${url.port}` : ''}${url.pathname && url.pathname !== '/' ? url.pathname : ''}`;
  } catch {
    return 'PostgreSQL (connection string not a URL)';
  }
}
