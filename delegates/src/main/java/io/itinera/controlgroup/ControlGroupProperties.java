package io.itinera.controlgroup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code itinera.control-group.*}: the share of contacts held out (0, the default, is off; 0.05 is 5%), the salt
 * of the hash that picks them (change it and a new group is drawn), and the event that counts as a conversion,
 * whose {@code value}, {@code amount} or {@code revenue} property is its revenue.
 */
@ConfigurationProperties("itinera.control-group")
public record ControlGroupProperties(double share, String salt, String conversionEvent) {

  public ControlGroupProperties {
    if (share < 0 || share > 0.5 || Double.isNaN(share)) {
      throw new IllegalArgumentException("itinera.control-group.share must be from 0 (off) to 0.5, not " + share);
    }
    salt = salt == null ? "" : salt;
    conversionEvent = conversionEvent == null ? "purchase" : conversionEvent;
  }
}
