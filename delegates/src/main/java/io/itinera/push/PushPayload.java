package io.itinera.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.template.TemplateException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * What a push carries to the browser's service worker: {@code {"title", "body", "url"}} as UTF-8 JSON
 * ({@code url} left out when the step has none). A push service takes at most 4096 bytes of encrypted body
 * (RFC 8030 section 7.2); aes128gcm adds an 86-byte header (salt, record size, the sender's 65-byte key), a
 * padding delimiter and a 16-byte tag (RFC 8291), so the JSON may have at most 3993 bytes.
 */
final class PushPayload {

  static final int MAX_RECORD = 4096;
  static final int OVERHEAD = 16 + 4 + 1 + 65 + 1 + 16;
  static final int MAX_JSON = MAX_RECORD - OVERHEAD;
  private static final ObjectMapper JSON = new ObjectMapper();

  private PushPayload() {
  }

  /** The JSON to encrypt; a {@link TemplateException} when it is too long or the url is not http(s). */
  static byte[] of(String title, String body, String url) {
    if (url != null) {
      checkUrl(url);
    }
    var fields = new LinkedHashMap<String, String>();
    fields.put("title", title);
    fields.put("body", body);
    if (url != null) {
      fields.put("url", url);
    }
    final byte[] json;
    try {
      json = JSON.writeValueAsBytes(fields);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
    if (json.length > MAX_JSON) {
      throw new TemplateException("The push takes " + json.length + " bytes as JSON, more than the " + MAX_JSON
          + " that fit in a push service's " + MAX_RECORD + "-byte encrypted message: shorten the title or body", null);
    }
    return json;
  }

  private static void checkUrl(String url) {
    try {
      var parsed = new URI(url);
      var scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && parsed.getHost() != null) {
        return;
      }
    } catch (URISyntaxException notUrl) {
      // refused below
    }
    throw new TemplateException("The push URL rendered to '" + url + "', which is not an http(s) URL", null);
  }
}
