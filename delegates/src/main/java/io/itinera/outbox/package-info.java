/**
 * The transactional outbox every channel shares: the claim, lease and retry rules of an outbox table
 * ({@link io.itinera.outbox.OutboxRows}) and the dispatcher that sends what it holds through a channel
 * ({@link io.itinera.outbox.OutboxDispatch}). A channel (email, SMS) brings its table and its connection only.
 */
package io.itinera.outbox;
