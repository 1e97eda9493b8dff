/** Who acts, the injected clock and ids, and process data with its changes. */

/**
 * Who issues a command. An actor may hold several roles; a task may be done
 * by an actor holding any of its candidate roles. A `system` actor is the
 * host application itself (imports, integrations): its `Engine.updateData`
 * writes are not checked against window access, and history says so.
 */
export interface Actor {
  id: string;
  roles: readonly string[];
  name?: string;
  system?: boolean;
}

/** The actor as recorded in an event. */
export interface ActorRef {
  id: string;
  roles: string[];
  name?: string;
  system?: boolean;
}

/** The injected clock: milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/**
 * What an id is for: a new instance, or a record a flow makes (the record
 * variable and its entity), so a host may number records its own way
 * (`PAY-…` for payments). Generators that ignore it get the same ids either way.
 */
export type IdRequest = { kind: 'instance' } | { kind: 'record'; variable: string; entity?: string };

/** The injected id source: new instance ids and new record ids. Each id must be unique. */
export type IdGenerator = (request?: IdRequest) => string;

/** Process data: keyed by the flow's data variables; a record variable holds an object of the record's fields. */
export type ProcessData = Record<string, unknown>;

/**
 * A change to the data. Keys are dotted paths (`customer.creditLimit`) or
 * variable names; a plain object under a record variable is read as its
 * fields (`{ customer: { creditLimit: 5000 } }` equals
 * `{ 'customer.creditLimit': 5000 }`). A value of `null` clears the field.
 */
export type DataPatch = Record<string, unknown>;

/** One field changed, as recorded in history. */
export interface DataChange {
  path: string;
  from: unknown;
  to: unknown;
}
