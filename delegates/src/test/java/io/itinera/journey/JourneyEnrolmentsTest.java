package io.itinera.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class JourneyEnrolmentsTest {

  private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant TUESDAY = Instant.parse("2026-03-03T09:00:00Z");
  private static final boolean ONE_RUN = false;
  private static final boolean MANY_RUNS = true;

  private JourneyEnrolments enrolments;

  @BeforeEach
  void freshDatabase() {
    var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).load().migrate();
    enrolments = new JourneyEnrolments(JdbcClient.create(dataSource));
  }

  @Test
  void recordsARunFromEntryToExit() {
    enrolments.enter("welcome-series", "ann", "run-1", MONDAY, ONE_RUN);
    assertThat(enrolments.ofContact("ann")).containsExactly(
        new Enrolment("welcome-series", "ann", "run-1", EnrolmentStatus.ACTIVE, MONDAY, null, null));

    enrolments.exit("run-1", EnrolmentStatus.COMPLETED, TUESDAY, null);

    assertThat(enrolments.ofContact("ann")).containsExactly(
        new Enrolment("welcome-series", "ann", "run-1", EnrolmentStatus.COMPLETED, MONDAY, TUESDAY, null));
  }

  @Test
  void recordsTheGoalOfAConvertedRun() {
    enrolments.enter("cart-abandonment", "ann", "run-1", MONDAY, ONE_RUN);

    enrolments.exit("run-1", EnrolmentStatus.CONVERTED, TUESDAY, "purchase");

    assertThat(enrolments.of("cart-abandonment", "ann")).singleElement()
        .returns(EnrolmentStatus.CONVERTED, Enrolment::status)
        .returns("purchase", Enrolment::goal);
  }

  @Test
  void refusesASecondActiveRunOfTheSameJourneyForTheSameContact() {
    enrolments.enter("welcome-series", "ann", "run-1", MONDAY, ONE_RUN);

    assertThatThrownBy(() -> enrolments.enter("welcome-series", "ann", "run-2", TUESDAY, ONE_RUN))
        .isInstanceOf(EntryRefusedException.class)
        .hasMessageContaining("ann").hasMessageContaining("welcome-series")
        .satisfies(refused -> assertThat(((EntryRefusedException) refused).rule()).isEqualTo(EntryRule.ACTIVE));
    assertThat(enrolments.ofContact("ann")).extracting(Enrolment::processInstanceId).containsExactly("run-1");
  }

  @Test
  void allowsConcurrentRunsWhenTheJourneyDoes() {
    enrolments.enter("order-updates", "ann", "run-1", MONDAY, MANY_RUNS);
    enrolments.enter("order-updates", "ann", "run-2", MONDAY, MANY_RUNS);

    assertThat(enrolments.of("order-updates", "ann")).hasSize(2).allMatch(Enrolment::active);
  }

  @Test
  void letsTheContactIntoOtherJourneysAndOtherContactsIntoThisOne() {
    enrolments.enter("welcome-series", "ann", "run-1", MONDAY, ONE_RUN);

    enrolments.enter("win-back", "ann", "run-2", MONDAY, ONE_RUN);
    enrolments.enter("welcome-series", "bob", "run-3", MONDAY, ONE_RUN);

    assertThat(enrolments.ofContact("ann")).extracting(Enrolment::journeyKey)
        .containsExactlyInAnyOrder("welcome-series", "win-back");
    assertThat(enrolments.ofContact("bob")).hasSize(1);
  }

  @Test
  void letsTheContactInAgainOnceTheRunExited() {
    enrolments.enter("welcome-series", "ann", "run-1", MONDAY, ONE_RUN);
    enrolments.exit("run-1", EnrolmentStatus.CANCELLED, MONDAY, null);

    enrolments.enter("welcome-series", "ann", "run-2", TUESDAY, ONE_RUN);
    enrolments.exit("run-2", EnrolmentStatus.COMPLETED, TUESDAY, null);
    enrolments.enter("welcome-series", "ann", "run-3", TUESDAY, ONE_RUN);

    assertThat(enrolments.ofContact("ann")).extracting(Enrolment::status)
        .containsExactlyInAnyOrder(EnrolmentStatus.CANCELLED, EnrolmentStatus.COMPLETED, EnrolmentStatus.ACTIVE);
  }

  @Test
  void keepsTheFirstExitOfARun() {
    enrolments.enter("welcome-series", "ann", "run-1", MONDAY, ONE_RUN);
    enrolments.exit("run-1", EnrolmentStatus.COMPLETED, MONDAY, null);

    enrolments.exit("run-1", EnrolmentStatus.CANCELLED, TUESDAY, null);

    assertThat(enrolments.ofContact("ann")).singleElement()
        .returns(EnrolmentStatus.COMPLETED, Enrolment::status)
        .returns(MONDAY, Enrolment::exitedAt);
  }

  @Test
  void forgetsAnErasedContactsRuns() {
    enrolments.enter("welcome-series", "ann", "run-1", MONDAY, ONE_RUN);
    enrolments.enter("welcome-series", "bob", "run-2", MONDAY, ONE_RUN);

    enrolments.deleteOfContact("ann");

    assertThat(enrolments.ofContact("ann")).isEmpty();
    assertThat(enrolments.ofContact("bob")).hasSize(1);
  }
}
