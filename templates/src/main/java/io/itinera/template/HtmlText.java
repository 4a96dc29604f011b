package io.itinera.template;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/** The plain-text alternative of an HTML email, for a template that comes without its own {@code .txt}. */
final class HtmlText {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern LINE_EDGES = Pattern.compile("(?m)^ +| +$");
  private static final Set<String> LINE_ENDS_AFTER = Set.of("li", "tr");
  private static final Set<String> PARAGRAPH_ENDS_AFTER =
      Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "table", "ul", "ol", "blockquote");

  private HtmlText() {
  }

  /** Only the body is read: the head, styles, scripts and comments are never visible text. */
  static String from(String html) {
    var text = new StringBuilder();
    Jsoup.parse(html).body().filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode words) {
          // Line breaks in HTML source are just spaces; the elements decide where lines end. A
          // non-breaking space only matters to a browser's line wrapping: in plain text it is a space.
          text.append(WHITESPACE.matcher(words.getWholeText()).replaceAll(" ").replace('\u00A0', ' '));
        } else if (node instanceof Element element) {
          switch (element.normalName()) {
            case "br", "ul", "ol" -> text.append('\n');
            case "li" -> text.append("- ");
            case "a" -> {
              if (element.hasAttr("href")) {
                text.append(linkText(element));
                return FilterResult.SKIP_CHILDREN;
              }
            }
            default -> { }
          }
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element element) {
          if (LINE_ENDS_AFTER.contains(element.normalName())) {
            text.append('\n');
          } else if (PARAGRAPH_ENDS_AFTER.contains(element.normalName())) {
            text.append("\n\n");
          }
        }
        return FilterResult.CONTINUE;
      }
    });
    return PlainText.tidy(LINE_EDGES.matcher(text).replaceAll(""));
  }

  /** {@code <a href="u">t</a>} reads {@code t (u)}, or just {@code u} when the text is the address. */
  private static String linkText(Element link) {
    var url = link.attr("href");
    var label = link.text();
    return label.isEmpty() || label.equals(url) ? url : label + " (" + url + ")";
  }
}
