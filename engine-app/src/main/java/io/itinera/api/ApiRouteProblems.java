package io.itinera.api;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Calls under {@code /api} that match no API call (unknown path, method, body type or answer type)
 * get a problem in our words too. Spring MVC raises these before it knows a controller, so
 * {@link ApiProblems} never sees them; other paths (Cockpit, tracking) keep Spring's answers,
 * since rethrowing hands the exception back to Spring's default handling.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRouteProblems {

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ProblemDetail> unknownPath(ServletException missing, HttpServletRequest request)
      throws ServletException {
    return answer(missing, request, HttpStatus.NOT_FOUND, "Unknown API call",
        "There is no API call at this path; the README lists them", new HttpHeaders());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException wrong, HttpServletRequest request)
      throws ServletException {
    var headers = new HttpHeaders();
    headers.setAllow(wrong.getSupportedHttpMethods());
    var allowed = wrong.getSupportedHttpMethods().stream().map(Object::toString).sorted()
        .collect(Collectors.joining(", "));
    return answer(wrong, request, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
        "This path answers " + allowed + ", not " + wrong.getMethod(), headers);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> wrongBodyType(HttpMediaTypeNotSupportedException wrong, HttpServletRequest request)
      throws ServletException {
    var headers = new HttpHeaders();
    headers.setAccept(wrong.getSupportedMediaTypes());
    return answer(wrong, request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported body type",
        "Send the body as JSON with 'Content-Type: application/json'", headers);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> wrongAnswerType(HttpMediaTypeNotAcceptableException wrong, HttpServletRequest request)
      throws ServletException {
    return answer(wrong, request, HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
        "The API answers in " + MediaType.APPLICATION_JSON_VALUE + " and its problems in "
            + MediaType.APPLICATION_PROBLEM_JSON_VALUE, new HttpHeaders());
  }

  private static ResponseEntity<ProblemDetail> answer(ServletException cause, HttpServletRequest request,
      HttpStatus status, String title, String detail, HttpHeaders headers) throws ServletException {
    var path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.equals("/api") && !path.startsWith("/api/")) {
      throw cause;
    }
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
