-- SMS: a contact's phone number (E.164, checked by the API) and consent per channel. Consent is a
-- row of its own per channel, so push and later channels add rows, not columns; the row keeps the
-- last change: granted or withdrawn, when, and where it came from (an app, an inbound STOP).
ALTER TABLE contact ADD COLUMN phone VARCHAR(16);
CREATE INDEX ix_contact_phone ON contact (phone);

CREATE TABLE channel_consent (
    contact_id VARCHAR(255) NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    channel    VARCHAR(16)  NOT NULL,
    granted    BOOLEAN      NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    source     VARCHAR(255) NOT NULL,
    PRIMARY KEY (contact_id, channel)
);

-- The SMS outbox: the same claim columns and rules as email_message (status, claimed_by,
-- next_attempt_at as due time or lease end, attempts), so one dispatcher design serves both.
-- smsc_message_id is the SMSC's id of the last part submitted, which its delivery receipt names.
CREATE TABLE sms_message (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    idempotency_key     VARCHAR(255) NOT NULL,
    contact_id          VARCHAR(255) NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    journey_key         VARCHAR(255),
    process_instance_id VARCHAR(64),
    step_id             VARCHAR(255),
    category            VARCHAR(16)  NOT NULL,
    recipient           VARCHAR(16),
    sender              VARCHAR(20),
    text_body           VARCHAR(4000),
    status              VARCHAR(16)  NOT NULL,
    reason              VARCHAR(1000),
    attempts            INTEGER      NOT NULL,
    claimed_by          VARCHAR(36),
    next_attempt_at     TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at             TIMESTAMP WITH TIME ZONE,
    smsc_message_id     VARCHAR(65),
    receipt             VARCHAR(16),
    receipt_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_sms_message_status CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
    CONSTRAINT ck_sms_message_category CHECK (category IN ('MARKETING', 'TRANSACTIONAL'))
);
CREATE UNIQUE INDEX ux_sms_message_idempotency ON sms_message (idempotency_key);
CREATE INDEX ix_sms_message_due ON sms_message (status, next_attempt_at);
CREATE INDEX ix_sms_message_contact ON sms_message (contact_id, created_at);
CREATE INDEX ix_sms_message_smsc ON sms_message (smsc_message_id);
