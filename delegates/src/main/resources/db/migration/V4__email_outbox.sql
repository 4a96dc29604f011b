-- The transactional outbox: a Send email step only inserts its rendered message here, in the
-- engine's transaction; the dispatcher sends it later. idempotency_key (run and step) makes a step
-- that runs twice queue one message. Skipped messages stay as a record of why nothing was sent.
CREATE TABLE email_message (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    idempotency_key     VARCHAR(255) NOT NULL,
    contact_id          VARCHAR(255) NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    journey_key         VARCHAR(255),
    process_instance_id VARCHAR(64),
    template            VARCHAR(128) NOT NULL,
    category            VARCHAR(16)  NOT NULL,
    recipient           VARCHAR(320),
    sender              VARCHAR(320),
    reply_to            VARCHAR(320),
    subject             VARCHAR(998),
    html_body           VARCHAR(1048576),
    text_body           VARCHAR(1048576),
    status              VARCHAR(16)  NOT NULL,
    reason              VARCHAR(1000),
    attempts            INTEGER      NOT NULL,
    next_attempt_at     TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at             TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_email_message_status CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
    CONSTRAINT ck_email_message_category CHECK (category IN ('MARKETING', 'TRANSACTIONAL'))
);
CREATE UNIQUE INDEX ux_email_message_idempotency ON email_message (idempotency_key);
CREATE INDEX ix_email_message_due ON email_message (status, next_attempt_at);
CREATE INDEX ix_email_message_contact ON email_message (contact_id, created_at);

-- Soft bounces per address (hashed like the suppression list) until they add up to a suppression.
CREATE TABLE soft_bounce (
    email_hash CHAR(64) NOT NULL PRIMARY KEY,
    bounces    INTEGER  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
