package io.itinera.template;

import java.util.regex.Pattern;

/** Tidies rendered text: a subject onto one line, a body free of trailing blanks and runs of empty lines. */
final class PlainText {

  // \p{Cc} and \p{Z} also catch the line breaks \s misses (NEL, LINE SEPARATOR), which could split a header.
  private static final Pattern ANY_SPACE = Pattern.compile("[\\p{Cc}\\p{Z}]+");
  private static final Pattern LINE_END = Pattern.compile("\r\n|\r");
  private static final Pattern TRAILING_BLANKS = Pattern.compile("(?m)[ \t\u00A0]+$");
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

  private PlainText() {
  }

  /** One line: a subject with a line break in it would let a contact's data inject mail headers. */
  static String oneLine(String text) {
    return ANY_SPACE.matcher(text).replaceAll(" ").strip();
  }

  static String tidy(String text) {
    var lines = LINE_END.matcher(text).replaceAll("\n");
    lines = TRAILING_BLANKS.matcher(lines).replaceAll("");
    return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
  }
}
