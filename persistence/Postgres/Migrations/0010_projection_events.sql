-- What came in to a case besides sykmeldinger (plans shared, møtebehov, dialogmøter, aktivitetskrav assessments, the
-- forhåndsvarsel's svarfrist and reply), for the veileder's timeline. Codes and dates only, never a veileder's text.
-- Cases projected before this migration show none until their next change projects them again.
ALTER TABLE case_projection ADD COLUMN events jsonb NOT NULL DEFAULT '[]';
