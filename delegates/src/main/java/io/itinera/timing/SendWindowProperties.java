package io.itinera.timing;

import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Send windows ({@code itinera.send-window.*}), all in the contact's own time zone: business hours,
 * quiet hours in which no marketing email is sent, and the hours tried first for a contact without
 * engagement history.
 */
@ConfigurationProperties("itinera.send-window")
public record SendWindowProperties(
    @DefaultValue("09:00") LocalTime businessHoursStart,
    @DefaultValue("17:00") LocalTime businessHoursEnd,
    @DefaultValue("21:00") LocalTime quietHoursStart,
    @DefaultValue("08:00") LocalTime quietHoursEnd,
    @DefaultValue({"9", "10", "14", "16"}) List<Integer> defaultBestHours) {
}
