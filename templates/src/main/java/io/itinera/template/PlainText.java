package io.itinera.template;

import java.util.regex.Pattern;

/** Tidies rendered text: a subject onto one line, a body free of trailing blanks and runs of empty lines. */
final class PlainText {

  // \p{Cc} and \p{Z} also catch the line breaks \s misses (NEL, LINE SEPARATOR), which could split a header.
  private static final Pattern ANY_SPACE = Pattern.compile("[\\p{Cc}\\p{Z}]+");
  private static final Pattern LINE_END = Pattern.compile("\r\n|\r");
  private static final Pattern TRAILING_BLANKS = Pattern.compile("(?m)[ \t\u00A0]+$");
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

  /** RFC 5322 2.1.1: at most 998 characters a line, and the subject's line starts with "Subject: ". */
  static final int SUBJECT_MAX = 998 - "Subject: ".length();
  private static final String ELLIPSIS = "\u2026";

  private PlainText() {
  }

  /**
   * A subject on one line that fits one header line (and the outbox column): a longer one, such as
   * a contact's 1,000-character first name, is cut on a code-point boundary and ends in an ellipsis.
   */
  static String subject(String text) {
    var line = oneLine(text);
    if (line.length() <= SUBJECT_MAX) {
      return line;
    }
    var end = SUBJECT_MAX - ELLIPSIS.length();
    // Never leave half of a surrogate pair (an emoji, say) behind: that would be an invalid character.
    if (Character.isLowSurrogate(line.charAt(end)) && Character.isHighSurrogate(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(0, end).stripTrailing() + ELLIPSIS;
  }

  /** One line: a subject with a line break in it would let a contact's data inject mail headers. */
  private static String oneLine(String text) {
    return ANY_SPACE.matcher(text).replaceAll(" ").strip();
  }

  static String tidy(String text) {
    var lines = LINE_END.matcher(text).replaceAll("\n");
    lines = TRAILING_BLANKS.matcher(lines).replaceAll("");
    return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
  }
}
