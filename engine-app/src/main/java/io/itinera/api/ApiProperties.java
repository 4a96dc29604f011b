package io.itinera.api;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The API keys apps send as {@code Authorization: Bearer <key>}, from {@code ITINERA_API_KEYS}. */
@ConfigurationProperties("itinera.api")
public record ApiProperties(List<String> keys) {

  public ApiProperties {
    keys = keys == null ? List.of() : keys.stream().map(String::strip).filter(key -> !key.isEmpty()).toList();
  }
}
