-- The names contacts' attributes and events' properties have had, so that the journey check can tell
-- a typo (attributes.paln) from a name in use. Names are only ever added: one no contact has any
-- more still existed once, and a journey reading it is no typo.
CREATE TABLE attribute_name (
    name VARCHAR(128) NOT NULL PRIMARY KEY
);

CREATE TABLE event_property_name (
    event_type VARCHAR(128) NOT NULL,
    name       VARCHAR(128) NOT NULL,
    PRIMARY KEY (event_type, name)
);
