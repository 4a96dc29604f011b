package io.itinera.api.topic;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.itinera.api.InvalidFieldException;
import io.itinera.api.ItineraApi;
import io.itinera.api.Problems;
import io.itinera.api.RequestValidator;
import io.itinera.preference.Topic;
import io.itinera.preference.Topics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Topics, the subscription groups marketing steps name: those of the configuration are read-only. */
@RestController
@ItineraApi
@Tag(name = "Topics", description = "Subscription groups that marketing sends name")
class TopicController {

  private final Topics topics;
  private final RequestValidator validator;

  TopicController(Topics topics, RequestValidator validator) {
    this.topics = topics;
    this.validator = validator;
  }

  @Operation(summary = "Every topic, the configured ones first")
  @GetMapping("/api/topics")
  List<TopicResponse> all() {
    return topics.all().stream().map(TopicResponse::of).toList();
  }

  @Operation(summary = "One topic")
  @ApiResponse(responseCode = "200", description = "The topic")
  @ApiResponse(responseCode = "404", description = "There is no such topic")
  @GetMapping("/api/topics/{name}")
  TopicResponse one(@PathVariable String name) {
    return topics.find(name).map(TopicResponse::of)
        .orElseThrow(() -> Problems.notFound("There is no topic '" + name + "'"));
  }

  @Operation(summary = "Define or change a topic", description = "Topics defined in the configuration"
      + " (itinera.topics) cannot be changed here: 409.")
  @ApiResponse(responseCode = "200", description = "The topic was changed")
  @ApiResponse(responseCode = "201", description = "The topic was defined")
  @ApiResponse(responseCode = "409", description = "The configuration defines this topic")
  @PutMapping("/api/topics/{name}")
  ResponseEntity<?> define(@PathVariable String name, @RequestBody TopicRequest request) {
    if (!name.matches(Topic.NAME)) {
      throw new InvalidFieldException("name", "A topic's name is 1 to 64 lower-case letters, digits and dashes,"
          + " such as 'offers'");
    }
    // Checked by hand: Bean Validation would name the field by its Java name, byDefault.
    if (!"opt-in".equals(request.byDefault()) && !"opt-out".equals(request.byDefault())) {
      throw new InvalidFieldException("default", "must be 'opt-in' or 'opt-out'");
    }
    validator.check(request, "");
    var topic = new Topic(name, "opt-in".equals(request.byDefault()), request.label(), request.description(), false);
    try {
      var created = topics.define(topic);
      return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(TopicResponse.of(topic));
    } catch (IllegalStateException configured) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, configured.getMessage()));
    }
  }

  /** {@code default}: whether contacts get the topic until they choose ({@code opt-out}) or only once they join. */
  @Schema(example = """
      {"default": "opt-in", "label": "Offers", "description": "Discounts and special offers."}""")
  record TopicRequest(
      @JsonProperty("default") String byDefault,
      @NotBlank @Size(max = 255) String label,
      @Size(max = 1000) String description) {
  }

  record TopicResponse(String name, @JsonProperty("default") String byDefault,
      String label, String description, boolean configured) {

    static TopicResponse of(Topic topic) {
      return new TopicResponse(topic.name(), topic.optIn() ? "opt-in" : "opt-out", topic.label(), topic.description(),
          topic.configured());
    }
  }
}
