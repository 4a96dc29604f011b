-- Which contact is in which journey. The engine does not enforce one run per business key, so this
-- table does. active_key is set while a run is active and NULL once it exited: the contact id for
-- journeys that allow one active run per contact, the run's own id for journeys that allow more.
-- NULLs never collide in a unique index (on H2 and PostgreSQL alike), so the index allows any number
-- of finished runs but only one active run per contact and journey, even for concurrent starts.
CREATE TABLE journey_enrolment (
    process_instance_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    journey_key         VARCHAR(255) NOT NULL,
    contact_id          VARCHAR(255) NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    active_key          VARCHAR(255),
    entered_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    exited_at           TIMESTAMP WITH TIME ZONE,
    goal                VARCHAR(255),
    CONSTRAINT ck_journey_enrolment_status CHECK (status IN ('ACTIVE', 'COMPLETED', 'CONVERTED', 'CANCELLED')),
    CONSTRAINT ck_journey_enrolment_active CHECK ((status = 'ACTIVE') = (active_key IS NOT NULL)),
    CONSTRAINT ck_journey_enrolment_goal CHECK ((status = 'CONVERTED') = (goal IS NOT NULL))
);

CREATE UNIQUE INDEX ux_journey_enrolment_active ON journey_enrolment (journey_key, active_key);
CREATE INDEX ix_journey_enrolment_contact ON journey_enrolment (contact_id, journey_key);
