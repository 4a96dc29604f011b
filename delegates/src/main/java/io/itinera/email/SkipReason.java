package io.itinera.email;

import java.util.Locale;

/** Why a Send email step queued nothing: a fixed set, so that metrics can count by it. */
enum SkipReason {
  NO_ADDRESS,
  UNSUBSCRIBED,
  SUPPRESSED,
  TOPIC,
  PREFERENCE,
  SPACING,
  FREQUENCY_RULE,
  WITHHELD;

  /** The label value in metrics: {@code no_address}, {@code frequency_rule}, ... */
  String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
