package io.itinera.smssink;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded SMSC listens (on loopback; port 0 picks a free one), how many of the newest messages it
 * shows, and which recipients it reports as undeliverable (numbers ending in this suffix, for trying
 * {@code sms_failed}).
 */
@ConfigurationProperties("itinera.sms-sink")
record SmsSinkProperties(@DefaultValue("2775") int port, @DefaultValue("500") int keep,
    @DefaultValue("0000") String undeliverableSuffix) {
}
