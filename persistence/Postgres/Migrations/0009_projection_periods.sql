-- The sykmelding periods of a case's tilfelle (fom, tom, grad, with or without an employer), for the veileder's
-- timeline. Cases projected before this migration show none until their next change projects them again.
ALTER TABLE case_projection ADD COLUMN periods jsonb NOT NULL DEFAULT '[]';
