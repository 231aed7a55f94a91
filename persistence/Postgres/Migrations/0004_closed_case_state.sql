-- T1 across runs: a closed case is kept whole beside its tilfelle (its state as the workflow had it, and the
-- version of its projection), so that the person's next workflow run can continue it under the same case id when a
-- sykmelding belongs to it, instead of starting a second case. A case continued and closed again is written again.
-- The state is case data: retention clears it with the case's other data, a year after the case closed, while the
-- tilfelle itself stays for M2 (four years).
ALTER TABLE closed_tilfelle ADD COLUMN case_state jsonb;
ALTER TABLE closed_tilfelle ADD COLUMN projection_version bigint CHECK (projection_version >= 0);
ALTER TABLE closed_tilfelle ADD CONSTRAINT closed_tilfelle_state_with_version
    CHECK ((case_state IS NULL) = (projection_version IS NULL));

-- The next run asks for the person's last closed case: equality on the person, the latest end first.
CREATE INDEX closed_tilfelle_person_last ON closed_tilfelle (person_ref, end_date DESC) WHERE case_state IS NOT NULL;
