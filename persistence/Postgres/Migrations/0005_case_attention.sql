-- Reconciliation: a case whose projection says it is open while its workflow is gone, terminated, failed, timed out
-- or done is marked here by the worker's reconciliation sweep, for the operators, instead of staying open silently.
-- The case's reads show the mark (needsAttention); deleting the projection (retention) deletes the mark with it.
CREATE TABLE case_attention (
    case_id  uuid        PRIMARY KEY REFERENCES case_projection (case_id) ON DELETE CASCADE,
    reason   text        NOT NULL CHECK (reason IN (
        'WORKFLOW_NOT_FOUND', 'WORKFLOW_TERMINATED', 'WORKFLOW_FAILED', 'WORKFLOW_TIMED_OUT', 'WORKFLOW_CANCELED',
        'WORKFLOW_COMPLETED')),
    found_at timestamptz NOT NULL DEFAULT now()
);
