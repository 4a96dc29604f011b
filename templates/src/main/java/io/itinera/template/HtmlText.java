package io.itinera.template;

import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The plain-text alternative of an HTML email, for a template that comes without its own {@code .txt}. */
final class HtmlText {

  private static final Pattern INVISIBLE = Pattern.compile("(?is)<!--.*?-->|<(head|style|script)\\b.*?</\\1\\s*>");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern LINK =
      Pattern.compile("(?is)<a\\b[^>]*?\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')[^>]*>(.*?)</a\\s*>");
  private static final Pattern LINE_END = Pattern.compile("(?i)<br\\s*/?>|</li\\s*>|</tr\\s*>|<(ul|ol)\\b[^>]*>");
  private static final Pattern PARAGRAPH_END = Pattern.compile("(?i)</(p|h[1-6]|div|table|ul|ol|blockquote)\\s*>");
  private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern LINE_EDGES = Pattern.compile("(?m)^ +| +$");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);");
  private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
      Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
      Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"),
      Map.entry("hellip", "\u2026"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
      Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"), Map.entry("middot", "\u00B7"),
      Map.entry("copy", "\u00A9"));

  private HtmlText() {
  }

  static String from(String html) {
    var text = INVISIBLE.matcher(html).replaceAll("");
    // Line breaks in HTML source are just spaces; the tags below decide where lines end.
    text = WHITESPACE.matcher(text).replaceAll(" ");
    text = LINK.matcher(text).replaceAll(link -> Matcher.quoteReplacement(linkText(link)));
    text = LINE_END.matcher(text).replaceAll("\n");
    text = PARAGRAPH_END.matcher(text).replaceAll("\n\n");
    text = LIST_ITEM.matcher(text).replaceAll("- ");
    text = TAG.matcher(text).replaceAll("");
    text = LINE_EDGES.matcher(text).replaceAll("");
    return PlainText.tidy(unescape(text));
  }

  /** {@code <a href="u">t</a>} reads {@code t (u)}; left escaped, as the whole text is unescaped once at the end. */
  private static String linkText(MatchResult link) {
    var url = link.group(1) != null ? link.group(1) : link.group(2);
    var label = TAG.matcher(link.group(3)).replaceAll("").strip();
    if (label.isEmpty() || unescape(label).equals(unescape(url))) {
      return url;
    }
    return label + " (" + url + ")";
  }

  static String unescape(String text) {
    return ENTITY.matcher(text)
        .replaceAll(entity -> Matcher.quoteReplacement(decode(entity.group(1), entity.group())));
  }

  private static String decode(String name, String entity) {
    if (!name.startsWith("#")) {
      return NAMED_ENTITIES.getOrDefault(name, entity);
    }
    var hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
    var codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
    return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : entity;
  }
}
