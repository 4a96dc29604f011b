package io.itinera.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Every place that checks a password or an API key, behind one failed-login limit per client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginLimitProperties.class)
class LoginProtection {

  @Bean
  FilterRegistrationBean<FailedLoginLimit> failedLoginLimit(LoginLimitProperties limit, ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new FailedLoginLimit(limit, json));
    registration.setName("failed-login-limit");
    // Cockpit, Tasklist and Admin log in under /camunda/api.
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*", "/mail-sink", "/mail-sink/*", "/sms-sink",
        "/sms-sink/*");
    registration.addUrlPatterns("/actuator/prometheus");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
