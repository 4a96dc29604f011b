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

  private JourneyEnrolments enrolments;

  @BeforeEach
  void freshDatabase() {
    var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).load().migrate();
    enrolments = new JourneyEnrolments(JdbcClient.create(dataSource));
  }

  @Test
  void recordsARunFromEntryToExit() {
    enrolments.enter("welcome-series", "ann", "run-1", MONDAY);
    assertThat(enrolments.ofContact("ann")).containsExactly(
        new Enrolment("welcome-series", "ann", "run-1", EnrolmentStatus.ACTIVE, MONDAY, null));

    enrolments.exit("run-1", EnrolmentStatus.COMPLETED, TUESDAY);

    assertThat(enrolments.ofContact("ann")).containsExactly(
        new Enrolment("welcome-series", "ann", "run-1", EnrolmentStatus.COMPLETED, MONDAY, TUESDAY));
  }

  @Test
  void refusesASecondActiveRunOfTheSameJourneyForTheSameContact() {
    enrolments.enter("welcome-series", "ann", "run-1", MONDAY);

    assertThatThrownBy(() -> enrolments.enter("welcome-series", "ann", "run-2", TUESDAY))
        .isInstanceOf(AlreadyEnrolledException.class)
        .hasMessageContaining("ann").hasMessageContaining("welcome-series");
    assertThat(enrolments.ofContact("ann")).extracting(Enrolment::processInstanceId).containsExactly("run-1");
  }

  @Test
  void letsTheContactIntoOtherJourneysAndOtherContactsIntoThisOne() {
    enrolments.enter("welcome-series", "ann", "run-1", MONDAY);

    enrolments.enter("win-back", "ann", "run-2", MONDAY);
    enrolments.enter("welcome-series", "bob", "run-3", MONDAY);

    assertThat(enrolments.ofContact("ann")).extracting(Enrolment::journeyKey)
        .containsExactlyInAnyOrder("welcome-series", "win-back");
    assertThat(enrolments.ofContact("bob")).hasSize(1);
  }

  @Test
  void letsTheContactInAgainOnceTheRunExited() {
    enrolments.enter("welcome-series", "ann", "run-1", MONDAY);
    enrolments.exit("run-1", EnrolmentStatus.CANCELLED, MONDAY);

    enrolments.enter("welcome-series", "ann", "run-2", TUESDAY);
    enrolments.exit("run-2", EnrolmentStatus.COMPLETED, TUESDAY);
    enrolments.enter("welcome-series", "ann", "run-3", TUESDAY);

    assertThat(enrolments.ofContact("ann")).extracting(Enrolment::status)
        .containsExactlyInAnyOrder(EnrolmentStatus.CANCELLED, EnrolmentStatus.COMPLETED, EnrolmentStatus.ACTIVE);
  }

  @Test
  void keepsTheFirstExitOfARun() {
    enrolments.enter("welcome-series", "ann", "run-1", MONDAY);
    enrolments.exit("run-1", EnrolmentStatus.COMPLETED, MONDAY);

    enrolments.exit("run-1", EnrolmentStatus.CANCELLED, TUESDAY);

    assertThat(enrolments.ofContact("ann")).singleElement()
        .returns(EnrolmentStatus.COMPLETED, Enrolment::status)
        .returns(MONDAY, Enrolment::exitedAt);
  }
}
