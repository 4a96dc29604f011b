-- What ops changed about a live journey (issue 15). A row in journey_pause stops new entries into the
-- journey; mode HOLD also suspended its runs in the engine, DRAIN lets them go on to their end.
CREATE TABLE journey_pause (
    journey_key VARCHAR(255) NOT NULL PRIMARY KEY,
    mode        VARCHAR(16)  NOT NULL,
    paused_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_journey_pause_mode CHECK (mode IN ('HOLD', 'DRAIN'))
);

-- Versions of a journey that take no new entries; the runs already on them finish there. The router
-- starts the latest version of a journey that has no row here.
CREATE TABLE journey_retired_version (
    journey_key     VARCHAR(255) NOT NULL,
    journey_version INTEGER      NOT NULL,
    retired_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (journey_key, journey_version)
);

-- Migrations of running contacts between versions, one row per Camunda batch, written in the batch's
-- transaction: which journey and versions the batch moves (the engine's batch does not say in its API).
CREATE TABLE journey_migration (
    batch_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    journey_key    VARCHAR(255) NOT NULL,
    source_version INTEGER      NOT NULL,
    target_version INTEGER      NOT NULL,
    runs           BIGINT       NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
