/**
 * What every page needs: the runtime, the acting role and its actor, the
 * demo clock's time, and a revision number that changes whenever the engine
 * or the CRM records change, so pages re-read what they show.
 */
import { createContext, useContext, useEffect, useState, type DependencyList } from 'react';
import type { Actor } from '@crm/flow-runtime';
import type { DemoRuntime } from '../runtime/runtime';
import type { DemoRole, DemoSeat, DemoUser } from '../runtime/actors';
import type { ActiveStory } from './StoryGuide';

export interface AppState {
  rt: DemoRuntime;
  /** The acting user's role. */
  role: DemoRole;
  /** The switcher's seat (a role, or the second administrator). */
  seat: DemoSeat;
  /** The acting user. */
  user: DemoUser;
  actor: Actor;
  /** Switches the acting user (by role, or `admin-2` for the second administrator). */
  setRole: (seat: DemoSeat) => void;
  /** The demo clock's time. */
  now: number;
  advance: (ms: number) => Promise<void>;
  reset: () => Promise<void>;
  /** The guided story being followed, if any. */
  story: ActiveStory | undefined;
  setStory: (story: ActiveStory | undefined) => void;
  revision: number;
  /** Asks every page to re-read (after a write outside the engine). */
  refresh: () => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside the demo app');
  return app;
}

/**
 * Runs an async read and re-runs it when `deps` or the app's revision
 * change. Returns undefined until the first result.
 */
export function useQuery<T>(read: (app: AppState) => Promise<T>, deps: DependencyList): T | undefined {
  const app = useApp();
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    read(app).then(
      (v) => live && setValue(() => v),
      (e: unknown) => console.error(e),
    );
    return () => {
      live = false;
    };
  }, [app.revision, app.rt, app.seat, ...deps]);
  return value;
}
