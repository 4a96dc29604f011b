/**
 * SMS: the Send SMS step, the SMS outbox on the shared outbox design, the SMPP 3.4 client that sends it to
 * an SMSC, the GSM-7 / UCS-2 encoding and concatenation, delivery receipts as events, and STOP / START.
 */
package io.itinera.sms;
