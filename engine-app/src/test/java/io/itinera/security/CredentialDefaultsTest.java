package io.itinera.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class CredentialDefaultsTest {

  private static final String H2 = "jdbc:h2:file:./data/itinera";
  private static final String POSTGRES = "jdbc:postgresql://db.internal:5432/itinera";

  private final CredentialDefaults defaults = new CredentialDefaults(new DeferredLogs());

  @Test
  void usesTheCredentialsFromTheEnvironment() {
    var environment = database(POSTGRES)
        .withProperty("ITINERA_ADMIN_USER", "ops")
        .withProperty("ITINERA_ADMIN_PASSWORD", "s3cret")
        .withProperty("ITINERA_API_KEYS", "key-one, key-two")
        .withProperty("ITINERA_TRACKING_SECRET", "a-long-tracking-secret");

    defaults.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("camunda.bpm.admin-user.id")).isEqualTo("ops");
    assertThat(environment.getProperty("camunda.bpm.admin-user.password")).isEqualTo("s3cret");
    assertThat(environment.getProperty("itinera.api.keys")).isEqualTo("key-one, key-two");
    assertThat(environment.getProperty("itinera.tracking.secret")).isEqualTo("a-long-tracking-secret");
  }

  @Test
  void namesTheAdministratorAdminWhenOnlyAPasswordIsSet() {
    var environment = database(POSTGRES)
        .withProperty("ITINERA_ADMIN_PASSWORD", "s3cret")
        .withProperty("ITINERA_API_KEYS", "key-one")
        .withProperty("ITINERA_TRACKING_SECRET", "a-long-tracking-secret");

    defaults.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("camunda.bpm.admin-user.id")).isEqualTo("admin");
  }

  @Test
  void givesTheEmbeddedDatabaseDemoCredentialsWhenNoneAreSet() {
    var environment = database(H2);

    defaults.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("camunda.bpm.admin-user.id")).isEqualTo("demo");
    assertThat(environment.getProperty("camunda.bpm.admin-user.password")).isEqualTo("demo");
    assertThat(environment.getProperty("itinera.api.keys")).isEqualTo("demo-api-key");
    assertThat(environment.getProperty("itinera.tracking.secret")).isNotBlank();
  }

  @Test
  void refusesToStartOnARealDatabaseWithoutAnAdministratorPassword() {
    var environment = database(POSTGRES)
        .withProperty("ITINERA_ADMIN_USER", "ops")
        .withProperty("ITINERA_API_KEYS", "key-one");

    assertThatThrownBy(() -> defaults.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ITINERA_ADMIN_PASSWORD");
    assertThat(environment.getProperty("camunda.bpm.admin-user.id")).isNull();
  }

  @Test
  void refusesToStartOnARealDatabaseWithoutApiKeys() {
    var environment = database(POSTGRES).withProperty("ITINERA_ADMIN_PASSWORD", "s3cret");

    assertThatThrownBy(() -> defaults.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ITINERA_API_KEYS");
  }

  @Test
  void refusesToStartOnARealDatabaseWithoutATrackingSecret() {
    var environment = database(POSTGRES)
        .withProperty("ITINERA_ADMIN_PASSWORD", "s3cret")
        .withProperty("ITINERA_API_KEYS", "key-one");

    assertThatThrownBy(() -> defaults.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ITINERA_TRACKING_SECRET");
  }

  @Test
  void givesAnH2ServerOnTheNetworkNoDemoCredentials() {
    var environment = database("jdbc:h2:tcp://db.internal/itinera");

    assertThatThrownBy(() -> defaults.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ITINERA_ADMIN_PASSWORD");
    assertThat(environment.getProperty("itinera.api.keys")).isNull();
  }

  private static MockEnvironment database(String url) {
    return new MockEnvironment().withProperty("spring.datasource.url", url);
  }
}
