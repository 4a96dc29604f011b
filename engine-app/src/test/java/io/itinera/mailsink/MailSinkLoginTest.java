package io.itinera.mailsink;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ItineraAppTest;
import io.itinera.security.AdministratorsOnly;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Outside the embedded defaults only Camunda administrators may read the mail sink. */
@ItineraAppTest
class MailSinkLoginTest {

  @Autowired
  IdentityService identity;

  @Test
  void letsAnAdministratorIn() throws Exception {
    var answer = get(basic(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD));

    assertThat(answer.chain().getRequest()).isNotNull();
    assertThat(answer.response().getStatus()).isEqualTo(200);
  }

  @Test
  void asksAnyoneElseToLogIn() throws Exception {
    var analyst = identity.newUser("analyst" + UUID.randomUUID().toString().replace("-", ""));
    analyst.setPassword("right-password");
    identity.saveUser(analyst);

    for (var authorization : new String[] {null, "Bearer something", "Basic not-base64!", basic("nobody", "x"),
        basic(analyst.getId(), "right-password")}) {
      var answer = get(authorization);

      assertThat(answer.chain().getRequest()).as(String.valueOf(authorization)).isNull();
      assertThat(answer.response().getStatus()).isEqualTo(401);
      assertThat(answer.response().getHeader("WWW-Authenticate")).startsWith("Basic");
    }
  }

  private record Answer(MockHttpServletResponse response, MockFilterChain chain) {
  }

  private Answer get(String authorization) throws Exception {
    var request = new MockHttpServletRequest("GET", "/mail-sink/messages");
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    var response = new MockHttpServletResponse();
    var chain = new MockFilterChain();
    new AdministratorsOnly(identity, "mail sink").doFilter(request, response, chain);
    return new Answer(response, chain);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
