/**
 * Web Push: contacts' push subscriptions (checked, with push consent), the Send push step, the push outbox on
 * the shared outbox design, and the dispatcher that encrypts each message for its browser (RFC 8291 aes128gcm)
 * and posts it to the browser's push service (RFC 8030) signed with the app's VAPID key (RFC 8292).
 */
package io.itinera.push;
