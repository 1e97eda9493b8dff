-- CRM Flow store, schema 3: the flow versions whose publication is scheduled and still stands (the
-- version's latest change event other than 'migrated' is 'scheduled'), by publication time, so a
-- change-control tick reads what is due, never the change history. Filled here from the change logs.
CREATE TABLE flow_scheduled (
  flow_id    text COLLATE "C" NOT NULL,
  version    integer NOT NULL,
  publish_at double precision NOT NULL,
  seq        integer NOT NULL,
  PRIMARY KEY (flow_id, version)
);
CREATE INDEX flow_scheduled_due ON flow_scheduled (publish_at, flow_id, version);

INSERT INTO flow_scheduled (flow_id, version, publish_at, seq)
SELECT flow_id, version, coalesce((event ->> 'publishAt')::double precision, at), seq
FROM (
  SELECT DISTINCT ON (flow_id, (event ->> 'version')::integer)
    flow_id, (event ->> 'version')::integer AS version, seq, at, event
  FROM flow_changes
  WHERE event ->> 'type' <> 'migrated'
  ORDER BY flow_id, (event ->> 'version')::integer, seq DESC
) latest
WHERE event ->> 'type' = 'scheduled';
