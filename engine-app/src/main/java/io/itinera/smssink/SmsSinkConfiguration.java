package io.itinera.smssink;

import io.itinera.security.AdministratorsOnly;
import io.itinera.sms.SmsProperties;
import java.io.IOException;
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
 * With the SMS sink on ({@link SmsSinkDefaults}), SMS goes to an embedded SMSC on loopback that shows every
 * message at {@code /sms-sink}; nothing leaves the machine. Setting {@code ITINERA_SMPP_HOST} switches to a
 * real SMSC.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(SmsSinkDefaults.ENABLED)
@EnableConfigurationProperties(SmsSinkProperties.class)
class SmsSinkConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SmsSinkConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedSmsc embeddedSmsc(SmsSinkProperties properties, SmsProperties sms, Clock clock) throws IOException {
    var smsc = new EmbeddedSmsc(properties, sms.smsc().systemId(), sms.smsc().password(), clock);
    log.warn("SMS goes to the embedded SMSC (SMPP 127.0.0.1:{}), readable at /sms-sink. Nothing is delivered.",
        properties.port());
    return smsc;
  }

  /** Outside the embedded defaults the sink holds real people's SMS: administrators only. */
  @Bean
  @ConditionalOnProperty(SmsSinkDefaults.LOGIN_REQUIRED)
  FilterRegistrationBean<AdministratorsOnly> smsSinkLogin(IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new AdministratorsOnly(identity, "SMS sink"));
    registration.setName("sms-sink-login");
    registration.addUrlPatterns("/sms-sink", "/sms-sink/*");
    return registration;
  }
}
