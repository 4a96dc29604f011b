/**
 * The embedded mail sink: an SMTP server in the app that catches every email on the embedded
 * defaults.
 */
package io.itinera.mailsink;
