-- CRM Flow store, schema 1: event logs, projections, definitions, the feed and its cursors.
-- Text keys use COLLATE "C" so that ordering matches the runtime's (code-unit order).
-- Payloads are `json` (kept as written, key order included); indexed values are copied to columns.

CREATE TABLE flow_definitions (
  flow_id     text COLLATE "C" NOT NULL,
  version     integer NOT NULL,
  deployed_at double precision NOT NULL,
  definition  json NOT NULL,
  PRIMARY KEY (flow_id, version)
);

-- One row per instance: its summary, its latest state snapshot and the claim of a worker that
-- fetched it as due (claims only spread work between workers; firing is exactly-once through seq).
CREATE TABLE flow_instances (
  instance_id   text COLLATE "C" PRIMARY KEY,
  flow_id       text COLLATE "C" NOT NULL,
  version       integer NOT NULL,
  status        text COLLATE "C" NOT NULL,
  seq           integer NOT NULL,
  started_at    double precision NOT NULL,
  updated_at    double precision NOT NULL,
  next_due_at   double precision,
  parent_id     text COLLATE "C",
  summary       json NOT NULL,
  state         json,
  claimed_until timestamptz
);
CREATE INDEX flow_instances_by_start ON flow_instances (started_at, instance_id);
CREATE INDEX flow_instances_by_flow ON flow_instances (flow_id, started_at, instance_id);
CREATE INDEX flow_instances_by_status ON flow_instances (status, started_at, instance_id);
CREATE INDEX flow_instances_by_flow_status ON flow_instances (flow_id, status, started_at, instance_id);
CREATE INDEX flow_instances_by_parent ON flow_instances (parent_id, started_at, instance_id) WHERE parent_id IS NOT NULL;
CREATE INDEX flow_instances_due ON flow_instances (next_due_at, instance_id) WHERE next_due_at IS NOT NULL;

-- The event logs. The primary key (instance_id, seq) is the optimistic-concurrency guard: two
-- commands decided on the same seq cannot both store their events.
-- `tx` (the writing transaction's id) and `pos` give the global feed order: readers only go up to
-- the oldest transaction still running (pg_snapshot_xmin), so a late commit is never skipped.
CREATE TABLE flow_events (
  instance_id text COLLATE "C" NOT NULL,
  seq         integer NOT NULL,
  tx          xid8 NOT NULL DEFAULT pg_current_xact_id(),
  pos         bigint GENERATED ALWAYS AS IDENTITY,
  type        text COLLATE "C" NOT NULL,
  at          double precision NOT NULL,
  event       json NOT NULL,
  PRIMARY KEY (instance_id, seq)
);
CREATE INDEX flow_events_feed ON flow_events (tx, pos);

-- Open tasks: one row each, and one index row per role that may do it, ordered for paging.
CREATE TABLE flow_open_tasks (
  instance_id text COLLATE "C" NOT NULL,
  task_id     text COLLATE "C" NOT NULL,
  opened_at   double precision NOT NULL,
  task        json NOT NULL,
  PRIMARY KEY (instance_id, task_id)
);
CREATE INDEX flow_open_tasks_by_open ON flow_open_tasks (opened_at, instance_id, task_id);

CREATE TABLE flow_task_roles (
  role        text COLLATE "C" NOT NULL,
  opened_at   double precision NOT NULL,
  instance_id text COLLATE "C" NOT NULL,
  task_id     text COLLATE "C" NOT NULL,
  PRIMARY KEY (role, opened_at, instance_id, task_id)
);
CREATE INDEX flow_task_roles_by_instance ON flow_task_roles (instance_id);

-- Durable feed positions, one per subscriber.
CREATE TABLE flow_feed_cursors (
  subscriber text COLLATE "C" PRIMARY KEY,
  position   text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
