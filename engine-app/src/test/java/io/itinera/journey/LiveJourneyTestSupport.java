package io.itinera.journey;

import io.itinera.ApiClient;
import io.itinera.EngineTime;
import io.itinera.email.Outbox;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The tests of changing a live journey (each annotated {@link io.itinera.ItineraAppTest}, which JUnit does not
 * inherit): version 1 of a journey of their own deployed, the engine clock frozen.
 */
abstract class LiveJourneyTestSupport {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  RepositoryService repository;
  @Autowired
  HistoryService history;
  @Autowired
  Outbox outbox;

  ApiClient api;
  LiveJourneyDriver driver;
  final VersionedJourney journey = new VersionedJourney();

  @BeforeEach
  void deployVersion1() {
    api = new ApiClient(http);
    driver = new LiveJourneyDriver(api, management, history, outbox, journey);
    EngineTime.freeze();
    journey.deployV1(http);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }
}
