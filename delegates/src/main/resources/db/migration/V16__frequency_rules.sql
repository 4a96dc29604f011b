-- Frequency rules set through the API (issue 16). While the one row of frequency_rule_list exists, its rules
-- (possibly none) are the ones in force on every node, in rule_order; without it, itinera.channels.frequency-rules
-- apply. A replacement locks that row, so two at once take turns instead of mixing their lists.
CREATE TABLE frequency_rule_list (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE frequency_rule (
    list_id      INTEGER     NOT NULL REFERENCES frequency_rule_list (id) ON DELETE CASCADE,
    rule_order   INTEGER     NOT NULL,
    name         VARCHAR(64) NOT NULL,
    max_messages INTEGER     NOT NULL,
    window_days  INTEGER     NOT NULL,
    channel      VARCHAR(16),
    topic        VARCHAR(64),
    PRIMARY KEY (list_id, rule_order),
    CONSTRAINT uq_frequency_rule_name UNIQUE (list_id, name)
);
