package io.itinera.mailsink;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True while {@code spring.mail.host} is unset: then no real SMTP server is configured. */
class NoSmtpServerConfigured implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return !context.getEnvironment().containsProperty("spring.mail.host");
  }
}
