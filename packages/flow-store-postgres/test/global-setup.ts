// Real PostgreSQL for the concurrency tests: FLOW_TEST_DATABASE_URL when CI (or the developer)
// gives one, else a throwaway cluster started here and stopped after the run. When neither works
// the tests that need it are skipped, and the reason is printed.
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain JS script shared with .ci/run
import { startCluster, stopCluster } from '../scripts/pg-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL, or '' when none could be had. */
    pgUrl: string;
    /** Why there is none. */
    pgSkipReason: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.FLOW_TEST_DATABASE_URL;
  if (given) {
    project.provide('pgUrl', given);
    project.provide('pgSkipReason', '');
    return () => {};
  }
  try {
    const { url, dir } = (await startCluster()) as { url: string; dir: string };
    project.provide('pgUrl', url);
    project.provide('pgSkipReason', '');
    // Stopped after the run, and also when the run is interrupted (Ctrl-C, a timeout's SIGTERM).
    let stopped = false;
    const stop = () => {
      if (!stopped) stopCluster(dir);
      stopped = true;
    };
    const onSignal = (signal: NodeJS.Signals) => {
      stop();
      process.kill(process.pid, signal);
    };
    process.once('exit', stop);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    return () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      stop();
    };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    console.warn(`\n[flow-store-postgres] PostgreSQL concurrency tests are SKIPPED: ${reason}\n`);
    project.provide('pgUrl', '');
    project.provide('pgSkipReason', reason);
    return () => {};
  }
}
