package io.itinera.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.itinera.journey.JourneyChangeRefusedException;
import io.itinera.journey.UnknownJourneyException;
import io.itinera.template.TemplateException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers bad input to the Itinera API with 400 and an {@code application/problem+json} body whose
 * {@code field} names what was wrong, so an app developer can fix the call without guessing.
 * Messages are ours: never a Java class name, never a stack trace.
 */
@RestControllerAdvice(annotations = ItineraApi.class)
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(InvalidFieldException.class)
  ResponseEntity<ProblemDetail> invalidField(InvalidFieldException invalid) {
    return ResponseEntity.badRequest().body(Problems.invalidField(invalid));
  }

  /** A change to a live journey that cannot be made as asked: the field of the request at fault. */
  @ExceptionHandler(JourneyChangeRefusedException.class)
  ResponseEntity<ProblemDetail> journeyChangeRefused(JourneyChangeRefusedException refused) {
    return ResponseEntity.badRequest().body(Problems.invalidField(refused.field(), refused.getMessage()));
  }

  @ExceptionHandler(UnknownJourneyException.class)
  ResponseEntity<ProblemDetail> unknownJourney(UnknownJourneyException unknown) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
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
    return ResponseEntity.badRequest().body(Problems.invalidField(JsonMistakes.explain(mapping, "")));
  }

  /** A failure of ours: logged with its cause, answered without it. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception failure) {
    // The engine wraps JDBC failures in its own exceptions: look for the pool's timeout anywhere in the chain.
    if (causeOf(failure, SQLTransientConnectionException.class) != null) {
      return busy();
    }
    log.error("An API call failed", failure);
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "The call failed because of an error on our side; it is logged");
    problem.setTitle("Internal error");
    return ResponseEntity.internalServerError().body(problem);
  }

  /**
   * Every database connection stayed busy for Hikari's whole connection timeout: the node is overloaded,
   * which is the caller's cue to slow down, not a bug (see itinera.database.web-connections).
   */
  private static ResponseEntity<ProblemDetail> busy() {
    log.warn("An API call waited its whole connection timeout for a database connection; answered 503");
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "Too many calls at once for this node's database connections; repeat the call shortly");
    problem.setTitle("Busy");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
  }

  /** A query parameter or path segment of the wrong type, such as {@code ?page=first}. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    var field = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
        : String.valueOf(mismatch.getPropertyName());
    return ResponseEntity.badRequest()
        .body(Problems.invalidField(field, field + ": " + JsonMistakes.expected(mismatch.getRequiredType())));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException missing,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var field = missing.getParameterName();
    return ResponseEntity.badRequest().body(Problems.invalidField(field, field + ": a required query parameter"));
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

  /** The deepest cause decides: Jackson wraps a syntax error inside a list in a mapping error. */
  private static ProblemDetail problemOf(HttpMessageNotReadableException unreadable) {
    if (causeOf(unreadable, RequestBodyLimitFilter.BodyTooLargeException.class) != null) {
      return RequestBodyLimitFilter.tooLarge();
    }
    var malformed = causeOf(unreadable, JsonParseException.class);
    if (malformed != null) {
      var where = malformed.getLocation();
      return Problems.invalidField("body", where == null ? "Malformed JSON"
          : "Malformed JSON at line " + where.getLineNr() + ", column " + where.getColumnNr());
    }
    if (causeOf(unreadable, StreamConstraintsException.class) != null) {
      return Problems.invalidField("body", "The JSON nests too deep or holds a value too long");
    }
    var mapping = causeOf(unreadable, JsonMappingException.class);
    if (mapping != null) {
      return Problems.invalidField(JsonMistakes.explain(mapping, ""));
    }
    return Problems.invalidField("body", "The request body is missing or not JSON");
  }

  private static <T extends Throwable> T causeOf(Throwable thrown, Class<T> type) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
