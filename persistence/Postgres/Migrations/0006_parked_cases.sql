-- A case whose workflow met an activity error that no retry can mend (bad data, a key conflict) is parked: the workflow
-- keeps running and waits for an operator, and the case is marked here with what failed, instead of the workflow
-- failing and the case being lost. The operator's resume (retry or skip) removes the mark.
ALTER TABLE case_attention DROP CONSTRAINT case_attention_reason_check;
ALTER TABLE case_attention ADD CONSTRAINT case_attention_reason_check CHECK (reason IN (
    'WORKFLOW_NOT_FOUND', 'WORKFLOW_TERMINATED', 'WORKFLOW_FAILED', 'WORKFLOW_TIMED_OUT', 'WORKFLOW_CANCELED',
    'WORKFLOW_COMPLETED', 'ACTIVITY_FAILED'));
-- For ACTIVITY_FAILED: the activity and its error (type and message, which name the field, never the person).
ALTER TABLE case_attention ADD COLUMN detail text;
