-- The sporingslogg of the API: every read of a person's data by a veileder (a case, a search, a task, the work
-- list's rows), with who read, whose pseudonym, through which endpoint, when, and whether the access service allowed
-- it. Written before anything is shown, so a read that left no row showed nothing.
CREATE TABLE read_audit (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    read_by     text        NOT NULL,
    person_ref  text        NOT NULL CHECK (person_ref !~ '^[0-9]{11}$'),
    endpoint    text        NOT NULL,
    decision    text        NOT NULL CHECK (decision IN ('ALLOWED', 'DENIED', 'UNAVAILABLE')),
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX read_audit_person ON read_audit (person_ref, recorded_at);
CREATE INDEX read_audit_recorded_at ON read_audit (recorded_at);
