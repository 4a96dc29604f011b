package io.itinera.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Wrong passwords from anyone delay the next login for a while, but never lock an account for good. */
@ItineraAppTest
class AdministratorLockoutTest {

  @Autowired
  IdentityService identity;

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void letsTheRightPasswordInAgainAfterManyWrongOnes() {
    EngineTime.freeze();
    var admin = identity.newUser("admin" + UUID.randomUUID().toString().replace("-", ""));
    admin.setPassword("right-password");
    identity.saveUser(admin);

    for (int attempt = 0; attempt < 25; attempt++) {
      assertThat(identity.checkPassword(admin.getId(), "guess-" + attempt)).isFalse();
      EngineTime.advance(Duration.ofSeconds(61));
    }

    assertThat(identity.checkPassword(admin.getId(), "right-password")).isTrue();
  }
}
