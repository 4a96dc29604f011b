package io.itinera.smssink;

import java.time.Instant;

/**
 * One SMS the embedded SMSC caught, its parts put together: {@code coding} is GSM7 or UCS2, {@code receipt}
 * the state the sink reported back (DELIVRD, or UNDELIV for an undeliverable number).
 */
record CaughtSms(long id, Instant receivedAt, String from, String to, String text, String coding, int parts,
    String smscMessageId, String receipt) {
}
