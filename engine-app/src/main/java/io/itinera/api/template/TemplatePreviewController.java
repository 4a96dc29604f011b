package io.itinera.api.template;

import io.itinera.api.ItineraApi;
import io.itinera.api.Problems;
import io.itinera.email.EmailQueue;
import io.itinera.template.RenderedEmail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Renders a template for a contact, so an analyst can check their work before a journey sends it. */
@RestController
@ItineraApi
class TemplatePreviewController {

  private final EmailQueue emails;

  TemplatePreviewController(EmailQueue emails) {
    this.emails = emails;
  }

  @GetMapping("/api/templates/{name}/preview")
  RenderedEmail preview(@PathVariable String name, @RequestParam String contactId) {
    return emails.preview(name, contactId).orElseThrow(() -> Problems.notFound("There is no contact '" + contactId + "'"));
  }
}
