package io.itinera.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many failed logins a client may have within a window before it must wait ({@code itinera.login-limit.*}). */
@ConfigurationProperties("itinera.login-limit")
record LoginLimitProperties(@DefaultValue("20") int maxFailures, @DefaultValue("PT5M") Duration window) {
}
