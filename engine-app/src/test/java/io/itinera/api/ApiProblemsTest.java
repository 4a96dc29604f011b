package io.itinera.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Answers for failures that are not the caller's input. */
class ApiProblemsTest {

  @Test
  void callThatWaitedOutTheConnectionTimeoutIsA503WithRetryAfter() {
    var timedOut = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
    var wrappedByEngine = new ProcessEngineException("could not open a session",
        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", timedOut));

    var answer = new ApiProblems().unexpected(wrappedByEngine);

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(answer.getBody().getDetail()).doesNotContain("Hikari");
  }

  @Test
  void otherFailuresStayA500WithoutTheirCause() {
    var answer = new ApiProblems().unexpected(new IllegalStateException("secret detail"));

    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(answer.getBody().getDetail()).doesNotContain("secret detail");
  }
}
