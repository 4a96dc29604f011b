package io.itinera.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problem bodies; for bad input, {@code field} names the field at fault. */
public final class Problems {

  private Problems() {
  }

  /** What an API call names does not exist: a 404 with a problem body that says what is missing. */
  public static ErrorResponseException notFound(String detail) {
    return new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        detail), null);
  }

  public static ProblemDetail invalidField(String field, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    problem.setType(URI.create("https://itinera.io/problems/invalid-request"));
    problem.setProperty("field", field);
    return problem;
  }

  public static ProblemDetail invalidField(InvalidFieldException invalid) {
    return invalidField(invalid.field(), invalid.getMessage());
  }

  /** For filters, which answer before Spring MVC's exception handling can. */
  static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem, Map<String, String> headers)
      throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    headers.forEach(response::setHeader);
    json.writeValue(response.getOutputStream(), problem);
  }
}
