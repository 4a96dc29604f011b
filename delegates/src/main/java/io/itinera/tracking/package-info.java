/**
 * Signed tokens for the links in emails (opens, clicks, unsubscribes).
 */
package io.itinera.tracking;
