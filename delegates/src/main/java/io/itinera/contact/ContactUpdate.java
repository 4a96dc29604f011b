package io.itinera.contact;

import io.itinera.journey.Routing;

/** The answer to an identify call: the stored contact, whether it is new, and the journeys the change started. */
public record ContactUpdate(Contact contact, boolean created, Routing routing) {
}
