/**
 * Starting a flow from a page: runs the start, then opens the first task
 * when the starter may do it, else the instance page. Refusals come back
 * as plain text for the page to show.
 */
import { useState } from 'react';
import { useI18n } from '../i18n';
import { explainRefusal } from '../runtime/refusal';
import type { DemoRole } from '../runtime/actors';
import type { StartContext, Started } from '../runtime/start';
import { useApp } from './context';
import { navigate } from './router';

export function useStarter() {
  const app = useApp();
  const i18n = useI18n();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const start = async (run: (ctx: StartContext) => Promise<Started>, as?: DemoRole): Promise<Started | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      const role = as ?? app.role;
      if (as && as !== app.role) app.setRole(as);
      const started = await run({ db: app.rt.db, engine: app.rt.engine, now: app.rt.clock.now(), role });
      await app.rt.sync.flush();
      app.refresh();
      if (started.firstTaskId) navigate('task', started.instanceId, started.firstTaskId);
      else navigate('instance', started.instanceId);
      return started;
    } catch (e) {
      setError(explainRefusal(e, { i18n }));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { start, error, busy };
}
