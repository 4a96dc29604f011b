/**
 * Email: the Send email step, the transactional outbox and its dispatcher, unsubscribes and
 * delivery feedback.
 */
package io.itinera.email;
