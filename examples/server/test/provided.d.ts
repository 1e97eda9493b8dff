// What the store package's global setup provides to tests (a PostgreSQL URL, or why there is none).
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    pgSkipReason: string;
  }
}
