package io.itinera.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.Concurrently;
import io.itinera.ItineraAppTest;
import io.itinera.contact.Suppressions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Bounce reports about one address arriving at once: none fails on the address's key, none is lost. */
@ItineraAppTest
class DeliveryFeedbackRacesTest {

  private static final int CALLERS = 8;

  @Autowired
  Suppressions suppressions;
  @Autowired
  DeliveryFeedback feedback;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  JdbcClient jdbc;

  private final String address = "race-" + UUID.randomUUID() + "@example.com";

  @Test
  void suppressesAnAddressOnceWhenEightCallersSuppressItAtOnce() throws Exception {
    Concurrently.run(CALLERS, transaction, caller -> suppressions.suppress(address, "hard-bounce"));

    assertThat(suppressions.isSuppressed(address)).isTrue();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM suppression WHERE email_hash = ?").param(Suppressions.hash(address))
        .query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void countsEverySoftBounceWhenEightArriveAtOnce() throws Exception {
    Concurrently.run(CALLERS, transaction, caller -> feedback.report(address, DeliveryFeedback.Kind.SOFT_BOUNCE));

    assertThat(jdbc.sql("SELECT bounces FROM soft_bounce WHERE email_hash = ?").param(Suppressions.hash(address))
        .query(Integer.class).single()).isEqualTo(CALLERS);
    assertThat(suppressions.isSuppressed(address)).isTrue();
  }
}
