package io.itinera.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only Camunda administrators (members of {@code camunda-admin}, HTTP Basic) read a sink (the mail
 * sink, the SMS sink) when it runs outside the embedded defaults, where the messages it holds are real
 * people's.
 */
public class AdministratorsOnly extends OncePerRequestFilter {

  private final IdentityService identity;
  private final String what;

  /** @param what the sink's name, for the login prompt and the refusal: {@code mail sink} */
  public AdministratorsOnly(IdentityService identity, String what) {
    this.identity = identity;
    this.what = what;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isAdministrator(request.getHeader(HttpHeaders.AUTHORIZATION))) {
      chain.doFilter(request, response);
    } else {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Itinera " + what + "\", charset=\"UTF-8\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "The " + what + " is for administrators");
    }
  }

  private boolean isAdministrator(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    var colon = credentials.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    var user = credentials.substring(0, colon);
    return identity.checkPassword(user, credentials.substring(colon + 1))
        && identity.createGroupQuery().groupMember(user).groupId(Groups.CAMUNDA_ADMIN).count() > 0;
  }
}
