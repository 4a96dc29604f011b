package io.itinera.mailsink;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the embedded SMTP server listens; port 0 picks a free one. */
@ConfigurationProperties("itinera.mail-sink")
record MailSinkProperties(@DefaultValue("127.0.0.1") String host, @DefaultValue("2525") int smtpPort) {
}
