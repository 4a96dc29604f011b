package io.itinera.smssink;

import io.itinera.sms.SmsCodec;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the embedded SMSC caught, newest first, at most {@code keep}: single messages at once, concatenated
 * ones when their last part arrived (parts of one message share sender, recipient and reference).
 */
final class CaughtTexts {

  private final int keep;
  private final Clock clock;
  private final Deque<CaughtSms> messages = new ArrayDeque<>();
  private final Map<String, String[]> partial = new HashMap<>();
  private long nextId = 1;

  CaughtTexts(int keep, Clock clock) {
    this.keep = keep;
    this.clock = clock;
  }

  synchronized void add(String from, String to, SmsCodec.Part part, String coding, String smscMessageId,
      String receipt) {
    var text = part.text();
    if (part.total() > 1) {
      var key = from + "|" + to + "|" + part.reference() + "|" + part.total();
      var parts = partial.computeIfAbsent(key, k -> new String[part.total()]);
      if (part.sequence() < 1 || part.sequence() > parts.length) {
        return;
      }
      parts[part.sequence() - 1] = part.text();
      for (var piece : parts) {
        if (piece == null) {
          return;
        }
      }
      partial.remove(key);
      text = String.join("", parts);
    }
    messages.addFirst(new CaughtSms(nextId++, clock.instant(), from, to, text, coding, part.total(), smscMessageId,
        receipt));
    while (messages.size() > keep) {
      messages.removeLast();
    }
  }

  synchronized List<CaughtSms> all() {
    return new ArrayList<>(messages);
  }
}
