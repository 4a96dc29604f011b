/**
 * Journey analytics: how many runs entered, converted and left each journey, read from the
 * enrolments and the outbox.
 */
package io.itinera.analytics;
