-- closed_tilfelle: the tilfelle of every closed case, for the maksdato of the person's later cases (M2). Sykepengedager
-- are counted over the last 3 years and reset only after 26 weeks without sykepenger, so a new case (a new workflow
-- run, which inherits nothing) must read what the person's earlier runs used. Written once per case, when it closes:
-- a retried write finds the case_id taken and changes nothing.
--
-- The tilfelle is stored whole, as the workflow had it (the activities' storage JSON), so it reads back equal; start
-- and end are copied out of it only to filter and order without parsing the JSON.
CREATE TABLE closed_tilfelle (
    case_id     uuid        PRIMARY KEY,
    person_ref  text        NOT NULL CHECK (person_ref !~ '^[0-9]{11}$'),
    start_date  date        NOT NULL,
    end_date    date        NOT NULL,
    tilfelle    jsonb       NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CHECK (start_date <= end_date)
);

-- A new case asks for the person's tilfeller that ended after a date: equality on the person, a range on the end.
CREATE INDEX closed_tilfelle_person_end ON closed_tilfelle (person_ref, end_date);

-- Remembering a closed tilfelle is recorded in the audit trail like every other write, in the same statement.
ALTER TABLE audit_trail DROP CONSTRAINT audit_trail_action_check;
ALTER TABLE audit_trail ADD CONSTRAINT audit_trail_action_check
    CHECK (action IN ('NOTICE', 'TASK', 'DECISION', 'PROJECTION', 'TASK_DONE', 'TILFELLE_CLOSED'));
