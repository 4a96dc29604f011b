package io.itinera.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The API key check, then the body size limit, on {@code /api/*} only: tracking links stay public. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiFilters {

  static final String API = "/api/*";

  @Bean
  FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiProperties properties, ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new ApiKeyFilter(properties, json));
    registration.addUrlPatterns(API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(json));
    registration.addUrlPatterns(API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }
}
