package io.itinera.template;

/** A template that is missing or fails to render: the message names the template and, where known, the line. */
public class TemplateException extends RuntimeException {

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
