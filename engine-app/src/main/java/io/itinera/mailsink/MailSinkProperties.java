package io.itinera.mailsink;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded SMTP server listens (port 0 picks a free one), the directory that keeps what it caught
 * across restarts, and how many of the newest messages stay there.
 */
@ConfigurationProperties("itinera.mail-sink")
record MailSinkProperties(@DefaultValue("127.0.0.1") String host, @DefaultValue("2525") int smtpPort,
    @DefaultValue("data/mail-sink") Path directory, @DefaultValue("500") int keep) {
}
