/**
 * The demo clock. The engine reads time only through it, so the demo user
 * can move time forward and watch SLAs escalate and timers fire.
 */
import type { Clock } from '@crm/flow-runtime';

/** Where the demo starts: Sunday 22 November 2026, 09:00 local time. */
export const DEMO_START = new Date(2026, 10, 22, 9, 0, 0, 0).getTime();

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A clock the demo sets and advances; the engine reads `now()`. */
export interface DemoClock extends Clock {
  set(ms: number): void;
}

export function createDemoClock(start = DEMO_START): DemoClock {
  let now = start;
  return {
    now: () => now,
    set: (ms: number) => {
      now = ms;
    },
  };
}
