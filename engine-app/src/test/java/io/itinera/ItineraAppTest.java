package io.itinera;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real database (H2 by default; the build points {@code ITINERA_DB_URL}
 * at PostgreSQL for the PostgreSQL suite). One configuration for every app test, so Spring starts
 * the engine once per run. Jobs and the outbox run when a test says so, not in the background.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// Serves /actuator/prometheus, which tests scrape (Spring Boot's tests leave metrics export off otherwise).
@AutoConfigureObservability
@ContextConfiguration(initializers = TestCrm.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "ITINERA_ADMIN_USER=" + ItineraAppTest.ADMIN,
    "ITINERA_ADMIN_PASSWORD=" + ItineraAppTest.ADMIN_PASSWORD,
    "ITINERA_API_KEYS=other-app-key," + ItineraAppTest.API_KEY,
    "ITINERA_TRACKING_SECRET=test-only-tracking-secret",
    "ITINERA_WEBHOOK_SECRET=" + ItineraAppTest.WEBHOOK_SECRET,
    // The tests' webhook receivers listen on loopback, on ports chosen when they start, which journeys may not call unless allowed.
    "itinera.webhook.allowed-hosts=127.0.0.1:*",
    "itinera.email.dispatch.enabled=false",
    "itinera.mail-sink.smtp-port=0",
    "itinera.mail-sink.directory=target/test-mail-sink",
    // Also on PostgreSQL, where the sink is off unless enabled, and then for administrators only.
    "itinera.mail-sink.enabled=true",
    "itinera.sms.dispatch.enabled=false",
    "itinera.sms-sink.port=0",
    // The SMS sink, too, on PostgreSQL.
    "itinera.sms-sink.enabled=true",
    "itinera.push.dispatch.enabled=false",
    // The push sink and the tests' push services listen on loopback, on ports chosen when they start.
    "itinera.push.allowed-hosts=127.0.0.1:*",
    // Also on PostgreSQL: the push sink, and a VAPID pair generated once and kept in the database.
    "itinera.push-sink.enabled=true",
    "itinera.push.vapid.generate=true",
    // Every test calls from 127.0.0.1, and many check that wrong credentials are refused.
    "itinera.login-limit.max-failures=1000000",
    // The default rule first, then two that govern only the topic 'deals', which FrequencyRulesTest defines.
    "itinera.channels.frequency-rules[0].name=all-channels-weekly",
    "itinera.channels.frequency-rules[0].max=3",
    "itinera.channels.frequency-rules[0].days=7",
    "itinera.channels.frequency-rules[1].name=deals-daily",
    "itinera.channels.frequency-rules[1].max=1",
    "itinera.channels.frequency-rules[1].days=1",
    "itinera.channels.frequency-rules[1].topic=deals",
    "itinera.channels.frequency-rules[2].name=deals-weekly",
    "itinera.channels.frequency-rules[2].max=2",
    "itinera.channels.frequency-rules[2].days=7",
    "itinera.channels.frequency-rules[2].topic=deals",
    "camunda.bpm.job-execution.enabled=false"})
public @interface ItineraAppTest {

  String ADMIN = "ops";
  String ADMIN_PASSWORD = "test-only-password";
  String API_KEY = "test-only-api-key";
  String WEBHOOK_SECRET = "test-only-webhook-secret";
}
