-- Web Push: a contact's push subscriptions as the browser's PushSubscription.toJSON() gives them. The
-- endpoint is unique: a browser that subscribes again (or for another contact) keeps one row.
CREATE TABLE push_subscription (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    contact_id      VARCHAR(255)  NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    endpoint        VARCHAR(2048) NOT NULL,
    p256dh          VARCHAR(128)  NOT NULL,
    auth            VARCHAR(64)   NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_push_subscription_endpoint ON push_subscription (endpoint);
CREATE INDEX ix_push_subscription_contact ON push_subscription (contact_id, created_at);

-- The push outbox: the claim columns and rules of every outbox (OutboxRows). One row per subscription the
-- contact had when the step ran; idempotency_key is the step pass and the subscription, step_pass the step
-- pass alone (a retried step queues nothing new). subscription_id has no foreign key: the dispatcher fails a
-- message whose subscription is gone instead of the message disappearing from the contact's history.
CREATE TABLE push_message (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    idempotency_key     VARCHAR(300)  NOT NULL,
    step_pass           VARCHAR(255)  NOT NULL,
    contact_id          VARCHAR(255)  NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    journey_key         VARCHAR(255),
    process_instance_id VARCHAR(64),
    step_id             VARCHAR(255),
    category            VARCHAR(16)   NOT NULL,
    subscription_id     VARCHAR(36),
    title               VARCHAR(1000),
    body                VARCHAR(4000),
    url                 VARCHAR(2048),
    status              VARCHAR(16)   NOT NULL,
    reason              VARCHAR(1000),
    attempts            INTEGER       NOT NULL,
    claimed_by          VARCHAR(36),
    next_attempt_at     TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at             TIMESTAMP WITH TIME ZONE,
    push_service_id     VARCHAR(2048),
    CONSTRAINT ck_push_message_status CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
    CONSTRAINT ck_push_message_category CHECK (category IN ('MARKETING', 'TRANSACTIONAL'))
);
CREATE UNIQUE INDEX ux_push_message_idempotency ON push_message (idempotency_key);
CREATE INDEX ix_push_message_step_pass ON push_message (step_pass);
CREATE INDEX ix_push_message_due ON push_message (status, next_attempt_at);
CREATE INDEX ix_push_message_contact ON push_message (contact_id, created_at);

-- The VAPID key pair generated on the embedded defaults when none is configured, kept so that browser
-- subscriptions made with its public key stay valid across restarts. At most one row (id = 1).
CREATE TABLE push_vapid_key (
    id          INTEGER      NOT NULL PRIMARY KEY,
    public_key  VARCHAR(128) NOT NULL,
    private_key VARCHAR(128) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_push_vapid_key_single CHECK (id = 1)
);
