package io.itinera.api.journey;

import io.itinera.api.InvalidFieldException;
import io.itinera.api.ItineraApi;
import io.itinera.check.JourneyCheck;
import io.itinera.check.UnreadableJourneyException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks a journey's BPMN file, sent as the request body, with the same check that deployments go
 * through; nothing is deployed. For analysts and CI, before a journey goes live.
 */
@RestController
@ItineraApi
@Tag(name = "Journeys")
class JourneyValidationController {

  private final JourneyCheck check;

  JourneyValidationController(JourneyCheck check) {
    this.check = check;
  }

  @Operation(summary = "Check a BPMN file as a deployment would, deploying nothing",
      description = "The body is the BPMN file. Unreadable XML is a 400 with field 'body'.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
          @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string")),
          @Content(mediaType = MediaType.TEXT_XML_VALUE, schema = @Schema(type = "string"))}))
  @PostMapping(path = "/api/journeys/validate", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  JourneyValidation validate(@RequestBody byte[] bpmn) {
    try {
      return JourneyValidation.of(check.examine(new ByteArrayInputStream(bpmn)));
    } catch (UnreadableJourneyException e) {
      throw new InvalidFieldException("body", e.getMessage());
    }
  }
}
