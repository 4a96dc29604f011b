/**
 * The embedded push service: a Web Push endpoint (RFC 8030, VAPID checked) on the app's own port for
 * subscriptions it holds itself, which decrypts and shows every push at {@code /push-sink}.
 */
package io.itinera.pushsink;
