package io.itinera.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class AdminAccountDefaultsTest {

  private static final String H2 = "jdbc:h2:file:./data/itinera";
  private static final String POSTGRES = "jdbc:postgresql://db.internal:5432/itinera";

  private final AdminAccountDefaults defaults = new AdminAccountDefaults(new DeferredLogs());

  @Test
  void usesTheAdministratorFromTheEnvironment() {
    var environment = database(POSTGRES)
        .withProperty("ITINERA_ADMIN_USER", "ops")
        .withProperty("ITINERA_ADMIN_PASSWORD", "s3cret");

    defaults.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("camunda.bpm.admin-user.id")).isEqualTo("ops");
    assertThat(environment.getProperty("camunda.bpm.admin-user.password")).isEqualTo("s3cret");
  }

  @Test
  void namesTheAdministratorAdminWhenOnlyAPasswordIsSet() {
    var environment = database(POSTGRES).withProperty("ITINERA_ADMIN_PASSWORD", "s3cret");

    defaults.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("camunda.bpm.admin-user.id")).isEqualTo("admin");
  }

  @Test
  void givesTheEmbeddedDatabaseADemoAdministratorWhenNoPasswordIsSet() {
    var environment = database(H2);

    defaults.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("camunda.bpm.admin-user.id")).isEqualTo("demo");
    assertThat(environment.getProperty("camunda.bpm.admin-user.password")).isEqualTo("demo");
  }

  @Test
  void refusesToStartOnARealDatabaseWithoutAPassword() {
    var environment = database(POSTGRES).withProperty("ITINERA_ADMIN_USER", "ops");

    assertThatThrownBy(() -> defaults.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ITINERA_ADMIN_PASSWORD");
    assertThat(environment.getProperty("camunda.bpm.admin-user.id")).isNull();
  }

  private static MockEnvironment database(String url) {
    return new MockEnvironment().withProperty("spring.datasource.url", url);
  }
}
