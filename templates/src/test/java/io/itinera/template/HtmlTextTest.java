package io.itinera.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void keepsTheVisibleTextOnly() {
    var html = """
        <html><head><title>Hidden</title><style>p { color: red; }</style></head>
        <body><!-- a note --><h2>Hello</h2><p>Two
           lines of source,<br/>one line break.</p></body></html>""";

    assertThat(HtmlText.from(html)).isEqualTo("Hello\n\nTwo lines of source,\none line break.");
  }

  @Test
  void unescapesEntitiesOnceIntoPlainCharacters() {
    assertThat(HtmlText.from("<p>Ann&#39;s &lt;script&gt; &amp;lt; &quot;x&quot; &#x263A; &unknown;</p>"))
        .isEqualTo("Ann's <script> &lt; \"x\" \u263A &unknown;");
  }

  @Test
  void writesALinkAsItsTextAndAddress() {
    assertThat(HtmlText.from("<p><a href='https://a.example/?x=1&amp;y=2'>Read <b>more</b></a> or "
        + "<a href=\"https://b.example\">https://b.example</a></p>"))
        .isEqualTo("Read more (https://a.example/?x=1&y=2) or https://b.example");
  }

  @Test
  void readsUnquotedLinksAndListsLikeABrowser() {
    assertThat(HtmlText.from("<ul><li><a href=https://c.example/x>Plans</a><li>Add-ons</ul><p>Bye&nbsp;now</p>"))
        .isEqualTo("- Plans (https://c.example/x)\n- Add-ons\n\nBye now");
  }
}
