package io.itinera.email;

import io.itinera.tracking.TrackingTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The signed links an email carries: unsubscribe (page, one-click and mailto), the open pixel, and
 * every link of the body rewritten to pass through click tracking.
 */
@Component
public class EmailLinks {

  public static final String OPEN = "o";
  public static final String CLICK = "c";
  public static final String UNSUBSCRIBE = "u";

  private static final Pattern LINK = Pattern.compile("href=\"(https?://[^\"]+)\"");

  private final TrackingTokens tokens;
  private final EmailProperties properties;

  public EmailLinks(TrackingTokens tokens, EmailProperties properties) {
    this.tokens = tokens;
    this.properties = properties;
  }

  /** The link names only the message, an opaque id: the contact is looked up, never shown. */
  public String unsubscribeUrl(String messageId) {
    return base() + "/u/" + tokens.sign(UNSUBSCRIBE, messageId);
  }

  public String unsubscribeMailto(String messageId) {
    var token = tokens.sign(UNSUBSCRIBE, messageId);
    return "mailto:unsubscribe@" + properties.domain() + "?subject="
        + URLEncoder.encode("unsubscribe " + token, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Sends every outside link through click tracking and adds the open pixel. */
  String track(String html, String messageId) {
    var links = LINK.matcher(html);
    var tracked = new StringBuilder();
    while (links.find()) {
      var target = HtmlUtils.htmlUnescape(links.group(1));
      var replacement = target.startsWith(base())
          ? links.group()
          : "href=\"" + HtmlUtils.htmlEscape(base() + "/t/c/" + tokens.sign(CLICK, messageId, target)) + "\"";
      links.appendReplacement(tracked, Matcher.quoteReplacement(replacement));
    }
    links.appendTail(tracked);
    var pixel = "<img src=\"" + base() + "/t/o/" + tokens.sign(OPEN, messageId)
        + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">";
    var end = tracked.lastIndexOf("</body>");
    return end < 0 ? tracked + pixel : tracked.insert(end, pixel).toString();
  }

  private String base() {
    return properties.baseUrl().endsWith("/")
        ? properties.baseUrl().substring(0, properties.baseUrl().length() - 1)
        : properties.baseUrl();
  }
}
