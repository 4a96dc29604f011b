-- Predictive content. Per template, slot (subject, a content block, the call to action) and variant:
-- the policy's posterior over the weights of a logistic model of the reward, as a Laplace
-- approximation (mean vector and precision matrix, JSON arrays). version counts the updates; an
-- update locks its row (SELECT ... FOR UPDATE), so several nodes learn into one posterior.
CREATE TABLE content_posterior (
    template     VARCHAR(128) NOT NULL,
    slot         VARCHAR(64)  NOT NULL,
    variant      VARCHAR(64)  NOT NULL,
    mean         VARCHAR(4000) NOT NULL,
    precision_matrix VARCHAR(20000) NOT NULL,
    observations BIGINT       NOT NULL,
    rewards      BIGINT       NOT NULL,
    excluded     BOOLEAN      NOT NULL,
    version      BIGINT       NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (template, slot, variant)
);

-- Which variant each message carried in each slot, how it was chosen (FIXED, RANDOM: the step
-- asked for random, EXPLORE: the random share, COLD_START, POLICY), the features it was chosen on,
-- the predicted rates of all variants (JSON), and its reward once settled (1, or 0 when the window
-- ended without one). reward IS NULL until then; settling sets it once.
CREATE TABLE content_choice (
    message_id          VARCHAR(36)  NOT NULL,
    slot                VARCHAR(64)  NOT NULL,
    template            VARCHAR(128) NOT NULL,
    variant             VARCHAR(64)  NOT NULL,
    mode                VARCHAR(16)  NOT NULL,
    reward_kind         VARCHAR(8)   NOT NULL,
    features            VARCHAR(2000) NOT NULL,
    predicted           VARCHAR(4000) NOT NULL,
    contact_id          VARCHAR(255) NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    process_instance_id VARCHAR(64),
    chosen_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    window_ends_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reward              INTEGER,
    settled_at          TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (message_id, slot),
    CONSTRAINT ck_content_choice_mode CHECK (mode IN ('FIXED', 'RANDOM', 'EXPLORE', 'COLD_START', 'POLICY')),
    CONSTRAINT ck_content_choice_reward_kind CHECK (reward_kind IN ('OPEN', 'CLICK', 'GOAL'))
);
CREATE INDEX ix_content_choice_open ON content_choice (reward, window_ends_at);
CREATE INDEX ix_content_choice_template ON content_choice (template, slot, chosen_at);
CREATE INDEX ix_content_choice_contact ON content_choice (contact_id);
