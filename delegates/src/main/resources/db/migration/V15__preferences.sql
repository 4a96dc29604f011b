-- Preferences (issue 16). A topic is the subscription group a marketing send names (its step's topic);
-- topics come from configuration (read-only) or from the API, which keeps them here.
CREATE TABLE topic (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    opt_in      BOOLEAN      NOT NULL,
    label       VARCHAR(255) NOT NULL,
    description VARCHAR(1000),
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A contact's last choice per topic and channel, kept as consent evidence: when and from where. No row:
-- the topic's default (opt-out topics send, opt-in topics do not).
CREATE TABLE topic_subscription (
    contact_id VARCHAR(255) NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    topic      VARCHAR(64)  NOT NULL,
    channel    VARCHAR(16)  NOT NULL,
    subscribed BOOLEAN      NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    source     VARCHAR(255) NOT NULL,
    PRIMARY KEY (contact_id, topic, channel)
);

-- All marketing to the contact waits until then (the preference page's "pause"); a row of its own, so
-- that the contact table keeps one owner.
CREATE TABLE marketing_pause (
    contact_id   VARCHAR(255) NOT NULL PRIMARY KEY REFERENCES contact (id) ON DELETE CASCADE,
    paused_until TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    source       VARCHAR(255) NOT NULL
);

-- A member of the global control group gets no marketing: its sends are recorded as WITHHELD.
ALTER TABLE email_message DROP CONSTRAINT ck_email_message_status;
ALTER TABLE email_message ADD CONSTRAINT ck_email_message_status
    CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED', 'WITHHELD'));
ALTER TABLE sms_message DROP CONSTRAINT ck_sms_message_status;
ALTER TABLE sms_message ADD CONSTRAINT ck_sms_message_status
    CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED', 'WITHHELD'));
ALTER TABLE push_message DROP CONSTRAINT ck_push_message_status;
ALTER TABLE push_message ADD CONSTRAINT ck_push_message_status
    CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED', 'WITHHELD'));
