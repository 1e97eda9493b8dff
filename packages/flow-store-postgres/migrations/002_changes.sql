-- CRM Flow store, schema 2: the change log of each flow (drafts, submissions, reviews, publications,
-- retirements, migrations), one row per event in the flow's own gap-free sequence.
CREATE TABLE flow_changes (
  flow_id text COLLATE "C" NOT NULL,
  seq     integer NOT NULL,
  at      double precision NOT NULL,
  event   json NOT NULL,
  PRIMARY KEY (flow_id, seq)
);
