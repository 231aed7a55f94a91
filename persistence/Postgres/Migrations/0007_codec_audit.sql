-- The codec server's audit trail: every decode (and encode) an operator's Temporal UI or CLI asked the API for, with
-- who asked, for which namespace and how many payloads. Never the payloads themselves: that is what is protected.
CREATE TABLE codec_audit (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    operation   text        NOT NULL CHECK (operation IN ('DECODE', 'ENCODE')),
    namespace   text        NOT NULL,
    payloads    integer     NOT NULL CHECK (payloads >= 0),
    decided_by  text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX codec_audit_recorded_at ON codec_audit (recorded_at);
