package io.itinera.pushsink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class PushSinkDefaultsTest {

  private final PushSinkDefaults defaults = new PushSinkDefaults();

  @Test
  void runsTheSinkOpenlyAndGeneratesVapidKeysOnTheEmbeddedDefaultsAllowingOnlyItsOwnLoopbackPort() {
    var environment = database("jdbc:h2:file:./data/itinera").withProperty("server.port", "8080");

    defaults.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(PushSinkDefaults.ENABLED)).isEqualTo("true");
    assertThat(environment.getProperty(PushSinkDefaults.LOGIN_REQUIRED)).isEqualTo("false");
    assertThat(environment.getProperty("itinera.push.vapid.generate")).isEqualTo("true");
    assertThat(environment.getProperty("itinera.push.allowed-hosts")).isEqualTo("127.0.0.1:8080");
  }

  @Test
  void onARealDatabaseNeitherRunsTheSinkNorGeneratesKeysNorAllowsLoopback() {
    var environment = database("jdbc:postgresql://db.internal:5432/itinera");

    defaults.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(PushSinkDefaults.ENABLED)).isEqualTo("false");
    assertThat(environment.getProperty("itinera.push.vapid.generate")).isEqualTo("false");
    assertThat(environment.getProperty("itinera.push.allowed-hosts")).isNull();
  }

  @Test
  void keepsTheSinkForAdministratorsWhenEnabledOnARealDatabase() {
    var environment = database("jdbc:postgresql://db.internal:5432/itinera")
        .withProperty(PushSinkDefaults.ENABLED, "true");

    defaults.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(PushSinkDefaults.LOGIN_REQUIRED)).isEqualTo("true");
    assertThat(environment.getProperty("itinera.push.vapid.generate")).isEqualTo("false");
  }

  private static MockEnvironment database(String url) {
    return new MockEnvironment().withProperty("spring.datasource.url", url);
  }
}
