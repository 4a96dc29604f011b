package io.itinera.sms;

import java.util.regex.Pattern;

/** What an SMS may show as its sender: a number in E.164, or up to 11 letters, digits and spaces (GSM 03.40). */
final class SenderId {

  static final String RULE = "a sender id is a number in E.164 (+ and 8 to 15 digits) or 1 to 11 letters,"
      + " digits and spaces starting with a letter";
  private static final Pattern NUMBER = Pattern.compile("\\+[1-9][0-9]{7,14}");
  private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z][A-Za-z0-9 ]{0,10}");

  private SenderId() {
  }

  static boolean valid(String sender) {
    return isNumber(sender) || ALPHANUMERIC.matcher(sender).matches();
  }

  static boolean isNumber(String sender) {
    return NUMBER.matcher(sender).matches();
  }
}
