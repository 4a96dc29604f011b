package io.itinera.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.itinera.template.TemplateException;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers bad input to the Itinera API with 400 and an {@code application/problem+json} body whose
 * {@code field} names what was wrong, so an app developer can fix the call without guessing.
 */
@RestControllerAdvice(annotations = ItineraApi.class)
class ApiProblems extends ResponseEntityExceptionHandler {

  @ExceptionHandler(InvalidFieldException.class)
  ResponseEntity<ProblemDetail> invalidField(InvalidFieldException invalid) {
    return ResponseEntity.badRequest().body(Problems.invalidField(invalid.field(), invalid.getMessage()));
  }

  /** A template that is missing or broken, named with its line: the analyst's to fix. */
  @ExceptionHandler(TemplateException.class)
  ResponseEntity<ProblemDetail> brokenTemplate(TemplateException broken) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, broken.getMessage());
    problem.setTitle("Template cannot be rendered");
    return ResponseEntity.unprocessableEntity().body(problem);
  }

  /** A body read in two steps (see the contact API) fails here, not while Spring MVC reads it. */
  @ExceptionHandler(JsonMappingException.class)
  ResponseEntity<ProblemDetail> unmappable(JsonMappingException mapping) {
    return ResponseEntity.badRequest().body(Problems.invalidField(mapping));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var first = invalid.getBindingResult().getFieldErrors().stream().findFirst();
    var field = first.map(error -> error.getField()).orElse("body");
    var detail = invalid.getBindingResult().getFieldErrors().stream()
        .map(error -> error.getField() + ": " + error.getDefaultMessage())
        .collect(Collectors.joining("; "));
    return ResponseEntity.badRequest().body(Problems.invalidField(field, detail));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(problemOf(unreadable));
  }

  private static ProblemDetail problemOf(HttpMessageNotReadableException unreadable) {
    for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException) {
        return RequestBodyLimitFilter.tooLarge();
      }
      if (cause instanceof JsonParseException malformed) {
        return Problems.invalidField("body", "Malformed JSON: " + malformed.getOriginalMessage());
      }
      if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        return Problems.invalidField(mapping);
      }
    }
    return Problems.invalidField("body", "The request body is missing or not JSON");
  }
}
