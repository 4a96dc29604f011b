package io.itinera.content;

import io.itinera.contact.Contact;
import io.itinera.contact.EngagementScoring;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The features the policy sees of a contact at a send, each brought to about -1..1 by a fixed transform
 * (not by running means, so a weight keeps its meaning as data arrives): the decayed engagement score,
 * days since the last engagement (log), the {@code purchases} and {@code averageOrderValue} attributes
 * (log), the lifecycle stage one-hot, and the hour and weekday of the send in the contact's zone (on a
 * circle, so 23:00 is next to 00:00), after a bias term.
 */
@Component
public class ContentFeatures {

  public static final List<String> NAMES = List.of("bias", "engagementScore", "daysSinceEngaged", "purchases",
      "averageOrderValue", "stage:lead", "stage:prospect", "stage:customer", "stage:churned", "hour:sin", "hour:cos",
      "weekday:sin", "weekday:cos");
  static final int SIZE = NAMES.size();
  private static final List<String> STAGES = List.of("lead", "prospect", "customer", "churned");

  private final EngagementScoring scoring;

  public ContentFeatures(EngagementScoring scoring) {
    this.scoring = scoring;
  }

  public double[] of(Contact contact, Instant sendAt) {
    var x = new double[SIZE];
    x[0] = 1;
    x[1] = Math.min(Math.max(scoring.scoreAt(contact, sendAt), 0), 100) / 50 - 1;
    x[2] = contact.lastEngagedAt() == null ? 1
        : logScale(Math.max(Duration.between(contact.lastEngagedAt(), sendAt).toHours(), 0) / 24.0, 365);
    x[3] = logScale(number(contact, "purchases"), 20);
    x[4] = logScale(number(contact, "averageOrderValue"), 500);
    var stage = contact.lifecycleStage() == null ? -1 : STAGES.indexOf(contact.lifecycleStage().toLowerCase(Locale.ROOT));
    if (stage >= 0) {
      x[5 + stage] = 1;
    }
    var local = sendAt.atZone(contact.timezone());
    var hour = 2 * Math.PI * (local.getHour() + local.getMinute() / 60.0) / 24;
    var weekday = 2 * Math.PI * (local.getDayOfWeek().getValue() - 1) / 7;
    x[9] = Math.sin(hour);
    x[10] = Math.cos(hour);
    x[11] = Math.sin(weekday);
    x[12] = Math.cos(weekday);
    return x;
  }

  /** 0 maps to -1, {@code typicalHigh} and above to 1, logarithmically in between. */
  private static double logScale(double value, double typicalHigh) {
    return Math.min(Math.log1p(Math.max(value, 0)) / Math.log1p(typicalHigh), 1) * 2 - 1;
  }

  private static double number(Contact contact, String attribute) {
    return contact.attributes().get(attribute) instanceof Number number ? number.doubleValue() : 0;
  }
}
