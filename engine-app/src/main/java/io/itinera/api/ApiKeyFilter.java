package io.itinera.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/** Lets a request to {@code /api/**} through only with one of the configured API keys as a bearer token. */
class ApiKeyFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final List<byte[]> keys;
  private final ObjectMapper json;

  ApiKeyFilter(ApiProperties properties, ObjectMapper json) {
    this.keys = properties.keys().stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.startsWith(BEARER) && known(authorization.substring(BEARER.length()))) {
      chain.doFilter(request, response);
      return;
    }
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
        "Send one of the API keys as 'Authorization: Bearer <key>'");
    problem.setTitle("API key required");
    Problems.write(response, json, problem, Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
  }

  /** The contract and its UI describe the calls, not the data: readable without a key (see {@link ApiContract}). */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    var pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    return ApiContract.isDocumentation(request.getRequestURI().substring(request.getContextPath().length()),
        request.getServletPath() + pathInfo);
  }

  /** Compares against every key in constant time, so timing tells nothing about a key. */
  private boolean known(String presented) {
    var candidate = presented.strip().getBytes(StandardCharsets.UTF_8);
    var found = false;
    for (var key : keys) {
      found |= MessageDigest.isEqual(key, candidate);
    }
    return found;
  }
}
