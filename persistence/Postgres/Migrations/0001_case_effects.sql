-- The case engine's own tables: notices to deliver, veileder tasks, the case read model and the audit trail.
-- Every person_ref is a keyed pseudonym of the person; the check constraints refuse anything shaped like a
-- fødselsnummer (11 digits) as a last line of defence behind the activities' own validation.

CREATE TABLE notice_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idempotency_key text        NOT NULL UNIQUE,
    case_id         uuid        NOT NULL,
    person_ref      text        NOT NULL CHECK (person_ref !~ '^[0-9]{11}$'),
    code            text        NOT NULL,
    recipient       text        NOT NULL CHECK (recipient IN ('ARBEIDSTAKER', 'ARBEIDSGIVER', 'SYKMELDER')),
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);

-- The publisher's queue: pending notices in the order they were written.
CREATE INDEX notice_outbox_pending ON notice_outbox (id) WHERE status = 'PENDING';
CREATE INDEX notice_outbox_case ON notice_outbox (case_id);

CREATE TABLE veileder_task (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idempotency_key text        NOT NULL UNIQUE,
    case_id         uuid        NOT NULL,
    person_ref      text        NOT NULL CHECK (person_ref !~ '^[0-9]{11}$'),
    code            text        NOT NULL,
    cause           text        NOT NULL,
    status          text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE')),
    decided_on      date        NOT NULL,
    not_before      date,
    due_date        date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    done_at         timestamptz,
    done_by         text,
    CHECK ((status = 'DONE') = (done_at IS NOT NULL))
);

-- The veileder work list: open tasks by code and date, paged by (date, id). Partial, so finished tasks (the
-- great majority after a while) cost the list nothing.
CREATE INDEX veileder_task_open_by_code ON veileder_task (code, due_date, id) WHERE status = 'OPEN';
CREATE INDEX veileder_task_open_by_due ON veileder_task (due_date, id) WHERE status = 'OPEN';
CREATE INDEX veileder_task_open_by_not_before ON veileder_task (not_before, id) WHERE status = 'OPEN';
CREATE INDEX veileder_task_person ON veileder_task (person_ref);
CREATE INDEX veileder_task_case ON veileder_task (case_id);

CREATE TABLE case_projection (
    case_id    uuid        PRIMARY KEY,
    person_ref text        NOT NULL CHECK (person_ref !~ '^[0-9]{11}$'),
    version    bigint      NOT NULL CHECK (version >= 0),
    state      jsonb       NOT NULL,
    milestones jsonb       NOT NULL,
    effects    jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX case_projection_person ON case_projection (person_ref);

-- Every notice, task, decision, exemption and projection change, with when and why. Written in the same
-- statement or transaction as the thing it records, so neither exists without the other.
CREATE TABLE audit_trail (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idempotency_key text        NOT NULL,
    action          text        NOT NULL CHECK (action IN ('NOTICE', 'TASK', 'DECISION', 'PROJECTION')),
    case_id         uuid        NOT NULL,
    person_ref      text        NOT NULL CHECK (person_ref !~ '^[0-9]{11}$'),
    code            text        NOT NULL,
    cause           text        NOT NULL,
    decided_on      date,
    decided_by      text,
    details         jsonb       NOT NULL DEFAULT '{}',
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (action, idempotency_key)
);

CREATE INDEX audit_trail_case ON audit_trail (case_id, id);
