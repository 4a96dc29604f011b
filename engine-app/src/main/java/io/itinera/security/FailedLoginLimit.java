package io.itinera.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password and API key guessing per client: after {@code maxFailures} answers of 401
 * within one window, the client gets 429 until the window ends. Accounts are never locked, so
 * nobody can lock the administrator out from outside (Camunda's own lockout is switched off; its
 * bounded delay per user stays).
 */
class FailedLoginLimit extends OncePerRequestFilter {

  private final LoginLimitProperties limit;
  private final ObjectMapper json;
  private final Cache<String, AtomicInteger> failures;

  FailedLoginLimit(LoginLimitProperties limit, ObjectMapper json) {
    this(limit, json, Ticker.systemTicker());
  }

  FailedLoginLimit(LoginLimitProperties limit, ObjectMapper json, Ticker ticker) {
    this.limit = limit;
    this.json = json;
    // The window runs from a client's first failure; bounded, so a flood of addresses cannot fill the heap.
    this.failures = Caffeine.newBuilder().expireAfterWrite(limit.window()).maximumSize(100_000).ticker(ticker).build();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var client = request.getRemoteAddr();
    var count = failures.getIfPresent(client);
    if (count != null && count.get() >= limit.maxFailures()) {
      tooMany(response);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      failures.get(client, key -> new AtomicInteger()).incrementAndGet();
    }
  }

  private void tooMany(HttpServletResponse response) throws IOException {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins from "
        + "this address: try again in " + limit.window().toSeconds() + " seconds at the latest.");
    problem.setTitle("Too many failed logins");
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limit.window().toSeconds()));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
