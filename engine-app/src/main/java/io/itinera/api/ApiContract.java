package io.itinera.api;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI contract of {@code /api}, served at {@value #SPEC} with Swagger UI at {@value #UI}.
 * Controllers describe their calls with annotations; this class adds what every call shares: the API
 * key, and the errors, which are all {@code application/problem+json} bodies (see {@link Problems}).
 * The spec and the UI need no API key: they describe the calls, not the data, and the same is in the README.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info = @Info(title = "Itinera API", version = "1",
        description = "Identify contacts, track their events, and look at journeys, segments, experiments and "
            + "email. Every error is a problem details body; an unknown path, method or body type too."),
    security = @SecurityRequirement(name = ApiContract.API_KEY))
@SecurityScheme(name = ApiContract.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
    description = "One of the keys in ITINERA_API_KEYS, as 'Authorization: Bearer <key>'")
class ApiContract {

  /** Where the spec is served; {@code springdoc.api-docs.path} in application.yaml says the same. */
  static final String SPEC = "/api/openapi.json";
  /** Where Swagger UI starts; {@code springdoc.swagger-ui.path}. Its pages are under {@value #UI_PAGES}. */
  static final String UI = "/api/docs";
  static final String UI_PAGES = "/api/swagger-ui/";
  static final String API_KEY = "apiKey";
  private static final String PROBLEM = "Problem";
  private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
  private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  static {
    // Jackson writes durations as ISO-8601 text (PT30H), not as the object swagger would infer.
    SpringDocUtils.getConfig()
        .replaceWithSchema(Duration.class, new StringSchema().format("duration").example("PT24H"));
  }

  /** The API key check and failures of ours may answer any call, bad input any call that takes some. */
  @Bean
  OpenApiCustomizer problemResponses() {
    return openApi -> {
      openApi.getComponents().addSchemas(PROBLEM, problemSchema());
      openApi.getPaths().values().forEach(path -> path.readOperations().forEach(ApiContract::addProblems));
    };
  }

  private static void addProblems(Operation operation) {
    var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    var takesInput = operation.getRequestBody() != null
        || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    if (takesInput) {
      responses.computeIfAbsent("400", code -> new ApiResponse()
          .description("Bad input: 'field' names what is wrong (body for malformed JSON or a body over 256 KB)"));
    }
    responses.computeIfAbsent("401", code -> new ApiResponse().description("No API key, or an unknown one"));
    responses.computeIfAbsent("500", code -> new ApiResponse().description("A failure on our side; it is logged"));
    responses.computeIfAbsent("503", code -> new ApiResponse()
        .description("Too many calls at once for the node's database connections; repeat after Retry-After"));
    responses.forEach((code, response) -> {
      if (code.startsWith("4") || code.startsWith("5")) {
        var problem = new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
        response.setContent(new Content().addMediaType(PROBLEM_JSON, problem));
      }
    });
    operation.setResponses(responses);
  }

  /** RFC 9457 problem details with our {@code field} extension. */
  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details; 'field' names the field at fault in bad input")
        .addProperty("type", new StringSchema().format("uri"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema().format("uri-reference"))
        .addProperty("field", new StringSchema().description("The field at fault, such as batch[3].type or body"))
        .examples(List.of(Json.mapper().valueToTree(Map.of(
            "type", "https://itinera.io/problems/invalid-request", "title", "Invalid request", "status", 400,
            "detail", "Unknown time zone 'Mars/Olympus': use an IANA id such as Europe/Berlin", "field", "timezone"))));
  }

  /** The spec, its UI configuration and the UI's pages, checked on the path as sent and as Tomcat normalised it. */
  static boolean isDocumentation(String... paths) {
    for (var path : paths) {
      if (!(path.equals(SPEC) || path.startsWith(SPEC + "/") || path.equals(UI) || path.startsWith(UI_PAGES))) {
        return false;
      }
    }
    return true;
  }
}
