-- The veileder's decision when a task closes with one (KARTLEGGING_SVAR: risk of long absence or not), beside who
-- made it and when; the audit entry of the closing records it too. A code, never free text.
ALTER TABLE veileder_task ADD COLUMN vurdering text CHECK (vurdering ~ '^[A-Z][A-Z_]{0,63}$');
ALTER TABLE veileder_task ADD CHECK (vurdering IS NULL OR status = 'DONE');
