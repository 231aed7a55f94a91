-- For the HTTP API (api/).
--
-- accepted_event: every event the API has handed to Temporal, by the sender's type and id. A duplicate is answered
-- from here without signalling again, so a duplicate that arrives after its case closed cannot start a second run.
-- Written only after the signal returned: a row here means the event is durable in Temporal.
CREATE TABLE accepted_event (
    event_type  text        NOT NULL,
    event_id    text        NOT NULL,
    person_ref  text        NOT NULL CHECK (person_ref !~ '^[0-9]{11}$'),
    accepted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_type, event_id)
);

-- The work list's "due" date: the task's own due date where the rule gives one (the AAP transition), else the day
-- it becomes visible (DM2 candidates wait for møtebehov answers), else the day it was decided. Ordered and filtered
-- by it, paged by (due, id).
CREATE INDEX veileder_task_open_by_work_list_due
    ON veileder_task ((COALESCE(due_date, not_before, decided_on)), id) WHERE status = 'OPEN';
CREATE INDEX veileder_task_open_by_code_and_work_list_due
    ON veileder_task (code, (COALESCE(due_date, not_before, decided_on)), id) WHERE status = 'OPEN';

-- A veileder marking a task done is recorded in the audit trail like every other decision.
ALTER TABLE audit_trail DROP CONSTRAINT audit_trail_action_check;
ALTER TABLE audit_trail ADD CONSTRAINT audit_trail_action_check
    CHECK (action IN ('NOTICE', 'TASK', 'DECISION', 'PROJECTION', 'TASK_DONE'));
