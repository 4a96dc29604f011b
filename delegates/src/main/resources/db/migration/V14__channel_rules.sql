-- Channel rules: a marketing message may name its topic (cart, newsletter), so that a message about
-- the same topic on another channel can be suppressed; a contact's channel priority is one ordered
-- list (most preferred first), kept apart from the contact row because only the best-channel step
-- and the profile read it.
ALTER TABLE email_message ADD COLUMN topic VARCHAR(64);
ALTER TABLE sms_message ADD COLUMN topic VARCHAR(64);
ALTER TABLE push_message ADD COLUMN topic VARCHAR(64);

CREATE TABLE channel_priority (
    contact_id VARCHAR(255) NOT NULL PRIMARY KEY REFERENCES contact (id) ON DELETE CASCADE,
    channels   VARCHAR(64)  NOT NULL
);
