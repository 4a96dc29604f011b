package io.itinera.email;

import io.itinera.template.RenderedEmail;
import io.itinera.tracking.TrackingTokens;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

/**
 * The signed links an email carries: unsubscribe (page and one-click), the preference page, the open pixel, and
 * every outside link of both parts rewritten to pass through click tracking.
 */
@Component
public class EmailLinks {

  public static final String OPEN = "o";
  public static final String CLICK = "c";
  public static final String UNSUBSCRIBE = "u";
  public static final String PREFERENCES = "p";

  /** An address in plain text; it ends before closing punctuation, such as {@code (https://x.example).} */
  private static final Pattern TEXT_LINK = Pattern.compile("https?://[^\\s<>\"'()]*[^\\s<>\"'().,;:!?]");

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

  /** The contact's preference page, found through the message like the unsubscribe link. */
  public String preferencesUrl(String messageId) {
    return base() + "/p/" + tokens.sign(PREFERENCES, messageId);
  }

  /** Both parts with every outside http(s) link sent through click tracking, and the open pixel in the HTML. */
  RenderedEmail track(RenderedEmail email, String messageId) {
    return new RenderedEmail(email.subject(), trackHtml(email.html(), messageId), trackText(email.text(), messageId));
  }

  /** Every {@code <a href>}, however its value is quoted (the parser reads them all alike). */
  private String trackHtml(String html, String messageId) {
    var document = Jsoup.parse(html);
    document.outputSettings().prettyPrint(false);
    for (var link : document.select("a[href]")) {
      var target = link.attr("href");
      if (outside(target)) {
        link.attr("href", clickUrl(messageId, target));
      }
    }
    document.body().appendElement("img")
        .attr("src", base() + "/t/o/" + tokens.sign(OPEN, messageId))
        .attr("width", "1").attr("height", "1").attr("alt", "").attr("style", "display:block;border:0");
    return document.outerHtml();
  }

  private String trackText(String text, String messageId) {
    return TEXT_LINK.matcher(text).replaceAll(link -> Matcher.quoteReplacement(
        outside(link.group()) ? clickUrl(messageId, link.group()) : link.group()));
  }

  /** Our own links (unsubscribe, tracking) stay as they are: they are already signed. */
  private boolean outside(String url) {
    return (url.startsWith("http://") || url.startsWith("https://")) && !url.startsWith(base());
  }

  private String clickUrl(String messageId, String target) {
    return base() + "/t/c/" + tokens.sign(CLICK, messageId, target);
  }

  private String base() {
    return properties.baseUrl().endsWith("/")
        ? properties.baseUrl().substring(0, properties.baseUrl().length() - 1)
        : properties.baseUrl();
  }
}
