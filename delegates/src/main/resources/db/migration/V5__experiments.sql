-- A/B splits: each experiment as its split step last described it (the first variant is the control)
CREATE TABLE experiment (
    name        VARCHAR(128) NOT NULL PRIMARY KEY,
    journey_key VARCHAR(255) NOT NULL,
    variants    VARCHAR(1000) NOT NULL,
    holdout     INTEGER NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- and which variant each contact got in each experiment. One row per contact and
-- experiment, so a contact who enters the journey again keeps its variant.
CREATE TABLE experiment_assignment (
    experiment          VARCHAR(128) NOT NULL,
    contact_id          VARCHAR(255) NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    variant             VARCHAR(64)  NOT NULL,
    journey_key         VARCHAR(255) NOT NULL,
    process_instance_id VARCHAR(64)  NOT NULL,
    assigned_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (experiment, contact_id)
);

-- The revenue a goal event carried (its "revenue" property), for the experiment results.
ALTER TABLE journey_enrolment ADD COLUMN revenue DECIMAL(19, 4);
