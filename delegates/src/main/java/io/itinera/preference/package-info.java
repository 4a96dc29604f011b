/**
 * Preferences: the topics a marketing send names (subscription groups, from configuration or the API), each
 * contact's subscriptions to them per channel, and a pause of all marketing; the channel rules ask here before
 * any marketing send.
 */
package io.itinera.preference;
