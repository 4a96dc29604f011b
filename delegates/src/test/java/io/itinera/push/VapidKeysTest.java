package io.itinera.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.outbox.DispatchSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/** The VAPID identity: configured keys are checked at start, and no keys without generation stops the start. */
class VapidKeysTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T11:00:00Z"), ZoneOffset.UTC);

  @Test
  void refusesToStartWithoutKeysWhenItMayNotGenerateThemNamingTheVariables() {
    assertThatThrownBy(() -> keys(null, null, "mailto:ops@shop.example"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ITINERA_PUSH_VAPID_PUBLIC_KEY").hasMessageContaining("ITINERA_PUSH_VAPID_PRIVATE_KEY");
  }

  @Test
  void refusesAPublicKeyThatIsNotThePrivateKeysOwn() {
    var one = PushKeys.generate();
    var other = PushKeys.generate();

    assertThatThrownBy(() -> keys(PushKeys.base64Url(one.getPublic()), PushKeys.base64Url(other.getPrivate()),
        "mailto:ops@shop.example"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not the public key of");
  }

  @Test
  void refusesASubjectThatIsNeitherMailtoNorHttps() {
    var pair = PushKeys.generate();

    assertThatThrownBy(() -> keys(PushKeys.base64Url(pair.getPublic()), PushKeys.base64Url(pair.getPrivate()),
        "ops@shop.example"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ITINERA_PUSH_VAPID_SUBJECT");
  }

  @Test
  void signsATokenForTheEndpointsOriginWithThePortOnlyWhenItIsNotTheDefault() throws Exception {
    var pair = PushKeys.generate();
    var vapid = keys(PushKeys.base64Url(pair.getPublic()), PushKeys.base64Url(pair.getPrivate()),
        "mailto:ops@shop.example");

    var header = vapid.authorization(URI.create("https://push.example:443/send/abc"));

    assertThat(header).endsWith(", k=" + vapid.publicKey());
    var claims = new JwtConsumerBuilder().setVerificationKey(pair.getPublic())
        .setExpectedAudience("https://push.example")
        .setEvaluationTime(NumericDate.fromMilliseconds(CLOCK.millis()))
        .build().processToClaims(header.substring("vapid t=".length(), header.indexOf(',')));
    assertThat(claims.getAudience()).containsExactly("https://push.example");
    assertThat(claims.getExpirationTime().getValueInMillis() - CLOCK.millis())
        .isEqualTo(Duration.ofHours(12).toMillis());
    assertThat(VapidKeys.origin(URI.create("http://127.0.0.1:8080/push-sink/push/t")))
        .isEqualTo("http://127.0.0.1:8080");
  }

  private static VapidKeys keys(String publicKey, String privateKey, String subject) {
    var properties = new PushProperties(new PushProperties.Vapid(publicKey, privateKey, subject, false),
        Duration.ofHours(24), Duration.ofSeconds(10), List.of(),
        new DispatchSettings(50, 8, Duration.ofMinutes(1), Duration.ofMinutes(1), 1));
    return new VapidKeys(properties, null, null, CLOCK);
  }
}
