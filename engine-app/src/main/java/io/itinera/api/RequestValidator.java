package io.itinera.api;

import jakarta.validation.Validator;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/** Bean Validation for a request read by hand (not by Spring MVC): the first violation, as an invalid field. */
@Component
public class RequestValidator {

  private final Validator validator;

  public RequestValidator(Validator validator) {
    this.validator = validator;
  }

  /** {@code prefix} places the request in its body, such as {@code batch[3].}; empty at the top. */
  public void check(Object request, String prefix) {
    validator.validate(request).stream()
        .min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
        .ifPresent(violation -> {
          throw new InvalidFieldException(prefix + violation.getPropertyPath(),
              violation.getPropertyPath() + ": " + violation.getMessage());
        });
  }
}
