package io.itinera.api.template;

import io.itinera.api.ItineraApi;
import io.itinera.api.JsonValueLimits;
import io.itinera.api.Problems;
import io.itinera.email.EmailQueue;
import io.itinera.journey.JourneyVariables;
import io.itinera.template.EmailTemplates;
import io.itinera.template.RenderedEmail;
import io.itinera.template.TemplateException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.HashMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Renders a template for a contact, so an analyst can check their work before a journey sends it. */
@RestController
@ItineraApi
@Tag(name = "Templates", description = "Email templates rendered for a contact")
class TemplatePreviewController {

  private final EmailQueue emails;
  private final EmailTemplates templates;
  private final JsonValueLimits limits;

  TemplatePreviewController(EmailQueue emails, EmailTemplates templates, JsonValueLimits limits) {
    this.emails = emails;
    this.templates = templates;
    this.limits = limits;
  }

  @Operation(summary = "Render a template for a contact")
  @ApiResponse(responseCode = "200", description = "The rendered subject, HTML and text")
  @ApiResponse(responseCode = "404", description = "There is no contact with this id")
  @ApiResponse(responseCode = "422", description = "The template is missing or cannot be rendered")
  @GetMapping("/api/templates/{name}/preview")
  RenderedEmail preview(@PathVariable String name, @RequestParam String contactId) {
    requireSoundVariants(name);
    return emails.preview(name, contactId).orElseThrow(() -> noContact(contactId));
  }

  /** With sample event properties and journey variables, so a template's {@code ${event.…}} shows filled in. */
  @Operation(summary = "Render a template for a contact with a sample event and journey variables")
  @ApiResponse(responseCode = "200", description = "The rendered subject, HTML and text")
  @ApiResponse(responseCode = "404", description = "There is no contact with this id")
  @ApiResponse(responseCode = "422", description = "The template is missing or cannot be rendered")
  @PostMapping("/api/templates/{name}/preview")
  RenderedEmail previewWith(@PathVariable String name, @Valid @RequestBody TemplatePreviewRequest request) {
    requireSoundVariants(name);
    var variables = new HashMap<String, Object>();
    if (request.vars() != null) {
      limits.checkProperties("vars", request.vars());
      variables.putAll(request.vars());
    }
    if (request.event() != null) {
      limits.checkProperties("event", request.event());
      JourneyVariables.EVENT.put(variables, request.event());
    }
    return emails.preview(name, request.contactId(), variables).orElseThrow(() -> noContact(request.contactId()));
  }

  /** The preview shows each slot's first variant; a broken other one is named here, not first at a send. */
  private void requireSoundVariants(String name) {
    var problems = templates.variantProblems(name);
    if (!problems.isEmpty()) {
      throw new TemplateException(String.join("; ", problems), null);
    }
  }

  private static ErrorResponseException noContact(String contactId) {
    return Problems.notFound("There is no contact '" + contactId + "'");
  }
}
