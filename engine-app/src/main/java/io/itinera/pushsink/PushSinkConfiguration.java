package io.itinera.pushsink;

import io.itinera.security.AdministratorsOnly;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With the push sink on ({@link PushSinkDefaults}), the app is also a Web Push service for the subscriptions
 * the sink makes, and shows what it took at {@code /push-sink}. Subscriptions of real browsers still go to
 * their own push services.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(PushSinkDefaults.ENABLED)
@EnableConfigurationProperties(PushSinkProperties.class)
class PushSinkConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PushSinkConfiguration.class);

  @Bean
  EmbeddedPushService embeddedPushService(PushSinkProperties properties, Clock clock) {
    log.warn("The embedded push service is on: subscriptions made at POST /push-sink/subscriptions catch pushes,"
        + " readable at /push-sink (in memory only).");
    return new EmbeddedPushService(properties.keep(), clock);
  }

  /**
   * Outside the embedded defaults the sink's pages are for administrators. Its push endpoint stays open, as
   * a push service's is: the dispatcher's Authorization header carries VAPID, not a login, and the endpoint
   * takes only pushes signed with this app's VAPID key to a token it made up.
   */
  @Bean
  @ConditionalOnProperty(PushSinkDefaults.LOGIN_REQUIRED)
  FilterRegistrationBean<AdministratorsOnly> pushSinkLogin(IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new AdministratorsOnly(identity, "push sink"));
    registration.setName("push-sink-login");
    registration.addUrlPatterns("/push-sink", "/push-sink/messages", "/push-sink/subscriptions",
        "/push-sink/subscriptions/*");
    return registration;
  }
}
