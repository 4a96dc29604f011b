package io.itinera.mailsink;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.itinera.email.Outbox;
import io.itinera.email.OutboxMessage;
import io.itinera.security.AdministratorsOnly;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With the mail sink on ({@link MailSinkDefaults}), the app sends its email to an embedded SMTP server that keeps
 * every message in files under the data directory and shows them at {@code /mail-sink}; nothing leaves the machine. Setting
 * {@code spring.mail.host} switches to the real server through Spring Boot's own mail settings.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(MailSinkDefaults.ENABLED)
@EnableConfigurationProperties(MailSinkProperties.class)
class MailSinkConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MailSinkConfiguration.class);

  @Bean(destroyMethod = "stop")
  GreenMail mailSink(MailSinkProperties properties, CaughtEmails caught) {
    var setup = new ServerSetup(properties.smtpPort(), properties.host(), ServerSetup.PROTOCOL_SMTP);
    var sink = new GreenMail(properties.smtpPort() == 0 ? setup.dynamicPort() : setup);
    sink.start();
    caught.catchFrom(sink);
    log.warn("Email goes to the embedded mail sink (SMTP {}:{}), readable at /mail-sink and kept in {}. "
        + "Nothing is delivered.", properties.host(), sink.getSmtp().getPort(), properties.directory().toAbsolutePath());
    return sink;
  }

  @Bean
  JavaMailSenderImpl mailSender(GreenMail mailSink, MailSinkProperties properties) {
    var sender = new JavaMailSenderImpl();
    sender.setHost(properties.host());
    sender.setPort(mailSink.getSmtp().getPort());
    return sender;
  }

  /** Outside the embedded defaults the sink holds real people's email: administrators only. */
  @Bean
  @ConditionalOnProperty(MailSinkDefaults.LOGIN_REQUIRED)
  FilterRegistrationBean<AdministratorsOnly> mailSinkLogin(IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new AdministratorsOnly(identity, "mail sink"));
    registration.setName("mail-sink-login");
    registration.addUrlPatterns("/mail-sink", "/mail-sink/*");
    return registration;
  }

  /** Our Message-IDs are {@code <outbox id@domain>}: the outbox knows the contact. */
  @Bean
  CaughtEmails caughtEmails(MailSinkProperties properties, Outbox outbox) {
    return new CaughtEmails(properties.directory(), properties.keep(), messageId -> {
      var at = messageId.indexOf('@');
      return messageId.startsWith("<") && at > 1
          ? outbox.find(messageId.substring(1, at)).map(OutboxMessage::contactId)
          : Optional.empty();
    });
  }
}
