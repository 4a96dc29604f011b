package io.itinera.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ItineraAppTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

@ItineraAppTest
class EngineSecurityTest {

  private static final String WELCOME_SERIES = "/engine-rest/process-definition?key=welcome-series";

  @Autowired
  TestRestTemplate http;
  @Autowired
  IdentityService identity;

  @Test
  void deploysTheWelcomeSeriesAndListsItToTheAdministrator() {
    var response = http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD)
        .exchange(WELCOME_SERIES, HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { });

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).singleElement()
        .satisfies(definition -> assertThat(definition)
            .containsEntry("key", "welcome-series")
            .containsEntry("name", "Welcome series")
            .containsEntry("historyTimeToLive", 180));
  }

  @Test
  void refusesTheEngineRestApiWithoutCredentials() {
    var response = http.getForEntity(WELCOME_SERIES, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  @Test
  void refusesTheEngineRestApiWithAWrongPassword() {
    // A user of its own: Camunda delays logins after a failed attempt, which must not hit the other tests.
    var analyst = identity.newUser("analyst" + UUID.randomUUID().toString().replace("-", ""));
    analyst.setPassword("right-password");
    identity.saveUser(analyst);

    var right = http.withBasicAuth(analyst.getId(), "right-password").getForEntity(WELCOME_SERIES, String.class);
    var wrong = http.withBasicAuth(analyst.getId(), "wrong-password").getForEntity(WELCOME_SERIES, String.class);

    assertThat(right.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void refusesTheDemoAdministratorWhenAPasswordIsConfigured() {
    var response = http.withBasicAuth("demo", "demo").getForEntity(WELCOME_SERIES, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void servesCockpitButKeepsItsApiBehindTheLogin() {
    var cockpit = http.getForEntity("/camunda/app/cockpit/default/", String.class);
    var cockpitApi = http.getForEntity("/camunda/api/engine/engine/default/process-definition/count", String.class);

    assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cockpit.getBody()).contains("<title>Camunda Cockpit");
    assertThat(cockpitApi.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void reportsHealthIncludingTheDatabaseWithoutLogin() {
    var health = http.exchange("/actuator/health", HttpMethod.GET, null,
        new ParameterizedTypeReference<Map<String, Object>>() { });

    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).containsEntry("status", "UP");
    assertThat(health.getBody().get("components")).asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("db", Map.of("status", "UP"))
        .containsKey("processEngine");
  }
}
