/**
 * The Call webhook step: signed, idempotent calls that only reach addresses that were checked.
 */
package io.itinera.webhook;
