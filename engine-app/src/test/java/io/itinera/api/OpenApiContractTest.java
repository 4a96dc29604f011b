package io.itinera.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.itinera.ApiClient;
import io.itinera.ItineraAppTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI contract at {@code /api/openapi.json} lists every call of the API, and every example in
 * it is valid against its own schema, so the examples an app developer copies are ones the API accepts.
 */
@ItineraAppTest
class OpenApiContractTest {

  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  @Autowired
  TestRestTemplate http;
  @Autowired
  ObjectMapper json;
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private JsonNode spec;

  @BeforeEach
  void readSpec() throws IOException {
    var response = http.getForEntity(ApiContract.SPEC, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    spec = response.getBody();
    // Kept for a reader of the build, like a screenshot.
    Files.writeString(Path.of("target", "openapi.json"),
        json.writerWithDefaultPrettyPrinter().writeValueAsString(spec));
  }

  @Test
  void describesEveryApiCall() {
    var checked = new ArrayList<String>();
    var missing = new ArrayList<String>();
    mappings.getHandlerMethods().forEach((mapping, handler) -> {
      if (!handler.getBeanType().isAnnotationPresent(ItineraApi.class)) {
        return;
      }
      for (var path : mapping.getPatternValues()) {
        for (var method : mapping.getMethodsCondition().getMethods()) {
          checked.add(method + " " + path);
          var operation = spec.path("paths").path(path).path(method.name().toLowerCase(Locale.ROOT));
          if (operation.isMissingNode()) {
            missing.add(method + " " + path);
          }
        }
      }
    });
    assertThat(missing).isEmpty();
    assertThat(checked).hasSizeGreaterThanOrEqualTo(17);
  }

  @Test
  void everyCallHasASummaryTheApiKeyAndProblemDetailsForErrors() {
    assertThat(spec.at("/security/0").has(ApiContract.API_KEY)).isTrue();
    assertThat(spec.at("/components/securitySchemes/" + ApiContract.API_KEY + "/scheme").asText()).isEqualTo("bearer");
    assertThat(spec.at("/components/schemas/Problem/properties/field").isObject()).isTrue();
    operations().forEach((name, operation) -> {
      assertThat(operation.path("summary").asText()).as(name).isNotBlank();
      assertThat(operation.at("/responses/401").isObject()).as(name).isTrue();
      operation.path("responses").properties().stream()
          .filter(response -> response.getKey().matches("[45]\\d\\d"))
          .forEach(response -> assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref")
              .asText()).as(name + " " + response.getKey()).isEqualTo("#/components/schemas/Problem"));
    });
  }

  @Test
  void everyExampleIsValidAgainstItsSchema() {
    var examples = examples();
    assertThat(examples.keySet()).contains("EventRequest", "EventBatchRequest", "ContactRequest", "SimulationPlan");
    var invalid = new TreeMap<String, String>();
    examples.forEach((where, example) -> {
      var errors = errors(example.schema(), example.value());
      if (!errors.isEmpty()) {
        invalid.put(where, errors.toString());
      }
    });
    assertThat(invalid).isEmpty();
  }

  @Test
  void theApiAcceptsTheExamplesItShows() {
    var api = new ApiClient(http);
    var examples = examples();
    assertThat(api.put("/api/contacts/{id}", examples.get("ContactRequest").value(), "openapi-" + UUID.randomUUID())
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(api.post("/api/events", examples.get("EventRequest").value()).getStatusCode()).isEqualTo(HttpStatus.OK);
    var batch = api.post("/api/events/batch", examples.get("EventBatchRequest").value());
    assertThat(batch.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(batch.getBody().findValues("problem")).isEmpty();
    assertThat(api.post("/api/journeys/welcome-series/simulate", examples.get("SimulationPlan").value())
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void catchesAnExampleThatBreaksItsSchema() {
    var event = examples().get("EventRequest");
    var broken = event.value().deepCopy();
    ((ObjectNode) broken).put("type", 5);
    assertThat(errors(event.schema(), event.value())).isEmpty();
    assertThat(errors(event.schema(), broken)).isNotEmpty();
  }

  @Test
  void servesTheSpecAndItsUiWithoutAnApiKeyButNothingElse() {
    assertThat(spec.path("openapi").asText()).startsWith("3.1");
    var ui = http.getForEntity(ApiContract.UI, String.class);
    assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ui.getBody()).contains("swagger-ui");
    assertThat(http.getForEntity(ApiContract.UI_PAGES + "swagger-ui-bundle.js", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity(ApiContract.SPEC + "/swagger-config", JsonNode.class).getBody().path("url").asText())
        .isEqualTo(ApiContract.SPEC);
    assertThat(http.getForEntity("/api/journeys", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity(ApiContract.UI_PAGES + "x/../../journeys", JsonNode.class).getStatusCode())
        .isNotEqualTo(HttpStatus.OK);
  }

  /** "POST /api/events" and the like, to each operation. */
  private Map<String, JsonNode> operations() {
    var operations = new TreeMap<String, JsonNode>();
    spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
        operations.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue())));
    return operations;
  }

  /** Every example of a request or response body, by where it is, with the schema it must satisfy. */
  private Map<String, Example> examples() {
    var examples = new TreeMap<String, Example>();
    operations().forEach((name, operation) -> {
      collect(name, operation.path("requestBody"), examples);
      operation.path("responses").properties().forEach(response ->
          collect(name + " " + response.getKey(), response.getValue(), examples));
    });
    spec.at("/components/schemas").properties().forEach(schema -> {
      if (schema.getValue().has("example")) {
        examples.put(schema.getKey(), new Example(schema.getValue(), schema.getValue().get("example")));
      }
      var listed = schema.getValue().path("examples");
      for (int index = 0; index < listed.size(); index++) {
        examples.put(schema.getKey() + " " + index, new Example(schema.getValue(), listed.get(index)));
      }
    });
    return examples;
  }

  private static void collect(String name, JsonNode body, Map<String, Example> examples) {
    body.path("content").properties().forEach(media -> {
      var schema = media.getValue().path("schema");
      if (media.getValue().has("example")) {
        examples.put(name, new Example(schema, media.getValue().get("example")));
      }
      media.getValue().path("examples").properties().forEach(named ->
          examples.put(name + " " + named.getKey(), new Example(schema, named.getValue().path("value"))));
    });
  }

  /** The schema is checked with the spec's components beside it, so its $refs resolve. */
  private List<String> errors(JsonNode schema, JsonNode value) {
    var document = json.createObjectNode();
    document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    document.setAll((ObjectNode) schema.deepCopy());
    document.set("components", spec.path("components"));
    return SCHEMAS.getSchema(document).validate(value).stream().map(Object::toString).toList();
  }

  private record Example(JsonNode schema, JsonNode value) {
  }
}
