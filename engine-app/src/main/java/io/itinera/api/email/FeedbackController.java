package io.itinera.api.email;

import io.itinera.api.ItineraApi;
import io.itinera.email.DeliveryFeedback;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bounces and complaints from the mail provider: {@code {"type": "bounce", "bounceType": "hard",
 * "email": "ann@example.com"}} or {@code {"type": "complaint", "email": …}}.
 */
@RestController
@ItineraApi
@Tag(name = "Email", description = "Delivery feedback and the email each contact was sent")
class FeedbackController {

  private final DeliveryFeedback feedback;

  FeedbackController(DeliveryFeedback feedback) {
    this.feedback = feedback;
  }

  @Operation(summary = "Report a bounce or a complaint from the mail provider",
      description = "A hard bounce or a complaint suppresses the address at once; soft bounces only after several.")
  @PostMapping("/api/feedback")
  FeedbackOutcome report(@Valid @RequestBody FeedbackRequest request) {
    return new FeedbackOutcome(request.email(), feedback.report(request.email(), request.kind()));
  }

  record FeedbackRequest(
      @NotNull @Pattern(regexp = "bounce|complaint", message = "must be 'bounce' or 'complaint'") String type,
      @Pattern(regexp = "hard|soft", message = "must be 'hard' or 'soft'") String bounceType,
      @NotBlank @Email(message = "must be an email address") String email) {

    DeliveryFeedback.Kind kind() {
      if ("complaint".equals(type)) {
        return DeliveryFeedback.Kind.COMPLAINT;
      }
      return "soft".equals(bounceType) ? DeliveryFeedback.Kind.SOFT_BOUNCE : DeliveryFeedback.Kind.HARD_BOUNCE;
    }
  }

  record FeedbackOutcome(String email, boolean suppressed) {
  }
}
