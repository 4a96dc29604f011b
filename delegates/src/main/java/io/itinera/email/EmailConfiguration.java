package io.itinera.email;

import io.itinera.template.EmailTemplates;
import io.itinera.template.TemplateSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The template renderer, set up from the email settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
class EmailConfiguration {

  @Bean
  EmailTemplates emailTemplates(EmailProperties properties) {
    return new EmailTemplates(new TemplateSettings(properties.templatesDirectory(), properties.fromName(),
        properties.postalAddress()));
  }
}
