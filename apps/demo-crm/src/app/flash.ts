/** A one-time message for the next page (after completing a task). */
let pending: string | undefined;

export function setFlash(message: string): void {
  pending = message;
}

/** The pending message, cleared by reading. */
export function takeFlash(): string | undefined {
  const m = pending;
  pending = undefined;
  return m;
}
