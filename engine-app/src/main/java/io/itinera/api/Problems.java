package io.itinera.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem bodies; for bad input, {@code field} names the field at fault. */
public final class Problems {

  private Problems() {
  }

  public static ProblemDetail invalidField(String field, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    problem.setType(URI.create("https://itinera.io/problems/invalid-request"));
    problem.setProperty("field", field);
    return problem;
  }

  /** A JSON value that does not fit the field it was sent for, or a field that does not exist. */
  public static ProblemDetail invalidField(JsonMappingException mapping) {
    var field = fieldOf(mapping);
    return mapping instanceof UnrecognizedPropertyException unknown
        ? invalidField(field, "Unknown field '" + unknown.getPropertyName() + "'")
        : invalidField(field, "Invalid value: " + mapping.getOriginalMessage());
  }

  /** {@code batch[3].occurredAt}, as a developer would write it. */
  private static String fieldOf(JsonMappingException mapping) {
    var path = new StringBuilder();
    for (var reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
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
