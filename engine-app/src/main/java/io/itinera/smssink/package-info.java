/**
 * The embedded SMSC: an SMPP server in the app that catches every SMS on the embedded defaults, shows it
 * at {@code /sms-sink}, answers with delivery receipts and can send replies such as STOP.
 */
package io.itinera.smssink;
