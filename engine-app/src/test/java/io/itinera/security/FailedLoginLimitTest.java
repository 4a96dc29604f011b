package io.itinera.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class FailedLoginLimitTest {

  private final AtomicLong nanos = new AtomicLong();
  private final FailedLoginLimit filter = new FailedLoginLimit(new LoginLimitProperties(3, Duration.ofMinutes(5)),
      new ObjectMapper(), nanos::get);
  private final AtomicInteger reachedTheLogin = new AtomicInteger();

  @Test
  void makesAClientWaitAfterTooManyFailedLogins() throws Exception {
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThat(login("203.0.113.7", 401).getStatus()).isEqualTo(401);
    }

    var refused = login("203.0.113.7", 200);

    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("300");
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    assertThat(refused.getContentAsString()).contains("Too many failed logins");
    assertThat(reachedTheLogin).hasValue(3);
  }

  @Test
  void judgesEachClientOnItsOwn() throws Exception {
    for (int attempt = 0; attempt < 3; attempt++) {
      login("203.0.113.7", 401);
    }

    assertThat(login("198.51.100.20", 200).getStatus()).isEqualTo(200);
  }

  @Test
  void countsOnlyFailures() throws Exception {
    for (int attempt = 0; attempt < 10; attempt++) {
      login("203.0.113.7", 200);
    }

    assertThat(login("203.0.113.7", 200).getStatus()).isEqualTo(200);
  }

  @Test
  void letsTheClientTryAgainWhenTheWindowEnds() throws Exception {
    for (int attempt = 0; attempt < 3; attempt++) {
      login("203.0.113.7", 401);
    }
    assertThat(login("203.0.113.7", 200).getStatus()).isEqualTo(429);

    nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());

    assertThat(login("203.0.113.7", 200).getStatus()).isEqualTo(200);
  }

  /** A request from that address, answered with that status by whatever checks the login behind the filter. */
  private MockHttpServletResponse login(String client, int status) throws Exception {
    var request = new MockHttpServletRequest("GET", "/engine-rest/process-definition");
    request.setRemoteAddr(client);
    var response = new MockHttpServletResponse();
    filter.doFilter(request, response, (req, res) -> {
      reachedTheLogin.incrementAndGet();
      ((MockHttpServletResponse) res).setStatus(status);
    });
    return response;
  }
}
