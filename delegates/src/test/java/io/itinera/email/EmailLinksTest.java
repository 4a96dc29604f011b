package io.itinera.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.template.RenderedEmail;
import io.itinera.tracking.TrackingTokens;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class EmailLinksTest {

  private static final String BASE = "https://itinera.example";
  private static final Pattern CLICK = Pattern.compile(Pattern.quote(BASE) + "/t/c/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  private static final String MESSAGE = "message-1";

  private final TrackingTokens tokens = new TrackingTokens("a-test-secret-of-enough-length");
  private final EmailLinks links = new EmailLinks(tokens,
      new EmailProperties("news@itinera.example", "Itinera", "1 Example Street", BASE + "/", null, null, 3));

  @Test
  void tracksEveryHttpLinkWhateverItsQuoting() {
    var html = "<html><body><p><a href=\"https://a.example/x\">A</a> <a href='https://b.example/y?p=1&amp;q=2'>B</a>"
        + " <a href=https://c.example/z>C</a></p></body></html>";

    var hrefs = hrefs(links.track(email(html, "text"), MESSAGE).html());

    assertThat(hrefs).hasSize(3).allSatisfy(href -> assertThat(href).startsWith(BASE + "/t/c/"));
    assertThat(hrefs.stream().map(this::target))
        .containsExactly("https://a.example/x", "https://b.example/y?p=1&q=2", "https://c.example/z");
  }

  @Test
  void leavesOurOwnAndNonWebLinksAsTheyAre() {
    var unsubscribe = links.unsubscribeUrl(MESSAGE);
    var html = "<p><a href='" + unsubscribe + "'>Unsubscribe</a> <a href=\"mailto:help@itinera.example\">Help</a>"
        + " <a href=\"#top\">Top</a></p>";

    assertThat(hrefs(links.track(email(html, "text"), MESSAGE).html()))
        .containsExactly(unsubscribe, "mailto:help@itinera.example", "#top");
  }

  @Test
  void addsTheOpenPixelAtTheEndOfTheBody() {
    var tracked = Jsoup.parse(links.track(email("<p>Hi</p>", "Hi"), MESSAGE).html());

    var pixel = tracked.body().children().last();
    assertThat(pixel.tagName()).isEqualTo("img");
    var token = pixel.attr("src").substring((BASE + "/t/o/").length());
    assertThat(tokens.verify(token)).contains(List.of(EmailLinks.OPEN, MESSAGE));
  }

  @Test
  void tracksTheLinksOfTheTextPartButNotTheUnsubscribeLink() {
    var unsubscribe = links.unsubscribeUrl(MESSAGE);
    var text = "See the sale (https://shop.example/sale?a=1&b=2).\nOr http://shop.example/help.\n"
        + "Unsubscribe (" + unsubscribe + ")";

    var tracked = links.track(email("<p>Hi</p>", text), MESSAGE).text();

    var clicks = CLICK.matcher(tracked).results().map(click -> click.group()).toList();
    assertThat(clicks.stream().map(this::target)).containsExactly("https://shop.example/sale?a=1&b=2",
        "http://shop.example/help");
    assertThat(tracked).isEqualTo("See the sale (" + clicks.get(0) + ").\nOr " + clicks.get(1) + ".\n"
        + "Unsubscribe (" + unsubscribe + ")");
  }

  private static RenderedEmail email(String html, String text) {
    return new RenderedEmail("Subject", html, text);
  }

  private static List<String> hrefs(String html) {
    return Jsoup.parse(html).select("a[href]").eachAttr("href");
  }

  /** Where a click link leads, read back from its signed token. */
  private String target(String clickUrl) {
    var parts = tokens.verify(clickUrl.substring((BASE + "/t/c/").length())).orElseThrow();
    assertThat(parts.subList(0, 2)).containsExactly(EmailLinks.CLICK, MESSAGE);
    return parts.get(2);
  }
}
