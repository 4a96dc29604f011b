package io.itinera.api.content;

import io.itinera.api.ItineraApi;
import io.itinera.api.Problems;
import io.itinera.content.ContentReport;
import io.itinera.content.ContentReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** How a template's content variants do under the policy that chooses them per contact. */
@RestController
@ItineraApi
@Tag(name = "Content", description = "Variants of a template chosen per contact, and how they do")
class ContentController {

  private final ContentReports reports;

  ContentController(ContentReports reports) {
    this.reports = reports;
  }

  @Operation(summary = "Per slot and variant: sends, observed rates with 95% intervals, the policy's lift over"
      + " random choice, the features that weigh most")
  @ApiResponse(responseCode = "200", description = "The template's variant report")
  @ApiResponse(responseCode = "404", description = "There is no such template, or it declares no variants")
  @GetMapping("/api/content/{template}")
  ContentReport content(@PathVariable String template) {
    return reports.of(template).orElseThrow(() -> Problems.notFound("There is no email template '" + template
        + "' with variants (" + template + ".variants.yml)"));
  }
}
