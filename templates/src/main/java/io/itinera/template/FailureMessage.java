package io.itinera.template;

import java.util.regex.Pattern;
import org.thymeleaf.exceptions.TemplateProcessingException;

/** Says which email failed, in which file and on which line, and why, for the person who edits the template. */
final class FailureMessage {

  /** Thymeleaf's own location suffix, said once more clearly in front. */
  private static final Pattern THYMELEAF_LOCATION =
      Pattern.compile(" \\(template: \".*\"(?: - line \\d+, col \\d+)?\\)$");

  private FailureMessage() {
  }

  static String of(String name, TemplateProcessingException failure) {
    var message = new StringBuilder("Email template '").append(name).append("' cannot be rendered");
    if (failure.getTemplateName() != null) {
      message.append(": ").append(failure.getTemplateName());
      if (failure.getLine() != null) {
        message.append(", line ").append(failure.getLine()).append(", column ").append(failure.getCol());
      }
    }
    message.append(": ").append(THYMELEAF_LOCATION.matcher(String.valueOf(failure.getMessage())).replaceFirst(""));
    var cause = rootCause(failure);
    if (cause != failure && cause.getMessage() != null) {
      message.append(": ").append(cause.getMessage());
    }
    return message.toString();
  }

  private static Throwable rootCause(Throwable failure) {
    var cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
