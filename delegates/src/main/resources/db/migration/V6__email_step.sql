-- The journey step that queued each email, for per-step journey statistics.
ALTER TABLE email_message ADD COLUMN step_id VARCHAR(255);
CREATE INDEX ix_email_message_journey_step ON email_message (journey_key, step_id, status);
