/**
 * Send windows: business hours, quiet hours and best hours in the contact's time zone, as pure
 * java.time functions.
 */
package io.itinera.timing;
