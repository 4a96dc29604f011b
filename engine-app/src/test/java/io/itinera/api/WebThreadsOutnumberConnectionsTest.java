package io.itinera.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.itinera.ApiClient;
import io.itinera.ItineraAppTest;
import io.itinera.ItineraApplication;
import io.itinera.OtherNodes;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * The web threads outnumber the pool's connections on purpose (see ConnectionBudget): calls that
 * find every connection busy wait for one and are answered normally. With two connections for 24
 * callers at once, a call that needed a second connection while holding one would wait for good
 * and end as a 503 here.
 */
class WebThreadsOutnumberConnectionsTest {

  private static final int CALLERS = 24;

  private final OtherNodes otherNodes = new OtherNodes();

  @AfterEach
  void restoreEngineRegistry() {
    otherNodes.restoreEngineRegistry();
  }

  @Test
  void callsWaitingForAConnectionAreAnsweredNormally() throws Exception {
    try (var app = new SpringApplicationBuilder(ItineraApplication.class).run(
        "--server.port=0", "--ITINERA_DB_URL=jdbc:h2:mem:itinera-two-connections;DB_CLOSE_DELAY=-1",
        "--ITINERA_DB_POOL_SIZE=2", "--ITINERA_DATA_DIR=" + Files.createTempDirectory("itinera-two-connections"),
        "--camunda.bpm.process-engine-name=two-connections",
        "--ITINERA_API_KEYS=" + ItineraAppTest.API_KEY, "--itinera.mail-sink.smtp-port=0",
        "--camunda.bpm.job-execution.enabled=false", "--itinera.email.dispatch.enabled=false",
        // Cockpit keeps its set-up in static fields: a second one in this JVM would leave the shared context's broken.
        "--camunda.bpm.webapp.enabled=false")) {
      assertThat(app.getBean(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(2);
      var port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
      var api = new ApiClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)));
      var gate = new CountDownLatch(1);
      var calls = new ArrayList<Callable<List<Integer>>>();
      for (int caller = 0; caller < CALLERS; caller++) {
        var contact = "waiting-" + caller;
        calls.add(() -> {
          gate.await();
          var identify = api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com"), contact);
          var signup = api.post("/api/events",
              Map.of("contactId", contact, "type", "signup", "properties", Map.of("source", "website")));
          return List.of(identify.getStatusCode().value(), signup.getStatusCode().value());
        });
      }
      var callers = Executors.newFixedThreadPool(CALLERS);
      try {
        var answers = calls.stream().map(callers::submit).toList();
        gate.countDown();
        for (var answer : answers) {
          assertThat(answer.get()).allSatisfy(status -> assertThat(status).isBetween(200, 201));
        }
      } finally {
        callers.shutdownNow();
      }
      assertThat(api.get("/api/contacts/{id}", "waiting-" + (CALLERS - 1)).getBody().at("/journeys/0/journey").asText())
          .isEqualTo("welcome-series");
    }
  }
}
