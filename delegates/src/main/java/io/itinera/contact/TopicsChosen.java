package io.itinera.contact;

import java.time.Instant;

/**
 * Published inside the identify call's transaction, with the contact's row locked, when it carries topic choices:
 * the preferences keep them, so a contact created by the same call already exists.
 */
public record TopicsChosen(String contactId, TopicChoices choices, Instant at) {
}
