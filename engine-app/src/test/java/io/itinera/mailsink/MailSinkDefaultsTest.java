package io.itinera.mailsink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class MailSinkDefaultsTest {

  private final MailSinkDefaults defaults = new MailSinkDefaults();

  @Test
  void catchesEmailOpenlyOnTheEmbeddedDefaults() {
    var environment = database("jdbc:h2:file:./data/itinera");

    defaults.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(MailSinkDefaults.ENABLED)).isEqualTo("true");
    assertThat(environment.getProperty(MailSinkDefaults.LOGIN_REQUIRED)).isEqualTo("false");
  }

  @Test
  void refusesToStartOnARealDatabaseWithNeitherAnSmtpServerNorTheSink() {
    for (var url : new String[] {"jdbc:postgresql://db.internal:5432/itinera", "jdbc:h2:tcp://db.internal/itinera"}) {
      assertThatThrownBy(() -> defaults.postProcessEnvironment(database(url), new SpringApplication()))
          .as(url)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("SPRING_MAIL_HOST")
          .hasMessageContaining("ITINERA_MAIL_SINK_ENABLED");
    }
  }

  @Test
  void keepsTheSinkForAdministratorsWhenEnabledOnARealDatabase() {
    var environment = database("jdbc:postgresql://db.internal:5432/itinera")
        .withProperty(MailSinkDefaults.ENABLED, "true");

    defaults.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(MailSinkDefaults.ENABLED)).isEqualTo("true");
    assertThat(environment.getProperty(MailSinkDefaults.LOGIN_REQUIRED)).isEqualTo("true");
  }

  @Test
  void turnsTheSinkOffWhenAnSmtpServerIsSet() {
    var environment = database("jdbc:h2:file:./data/itinera")
        .withProperty("spring.mail.host", "smtp.example.com")
        .withProperty(MailSinkDefaults.ENABLED, "true");

    defaults.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(MailSinkDefaults.ENABLED)).isEqualTo("false");
  }

  private static MockEnvironment database(String url) {
    return new MockEnvironment().withProperty("spring.datasource.url", url);
  }
}
