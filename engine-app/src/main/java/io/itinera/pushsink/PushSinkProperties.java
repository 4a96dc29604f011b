package io.itinera.pushsink;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many of the newest pushes the embedded push service shows. */
@ConfigurationProperties("itinera.push-sink")
record PushSinkProperties(@DefaultValue("500") int keep) {
}
