package io.itinera.sms;

import io.itinera.email.EmailProperties;
import io.itinera.template.TemplateSettings;
import io.itinera.template.TextMessages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMS settings and the renderer of SMS texts, which knows the same sender as the email templates. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class SmsConfiguration {

  @Bean
  TextMessages textMessages(EmailProperties email) {
    return new TextMessages(new TemplateSettings(null, email.fromName(), email.postalAddress()));
  }
}
