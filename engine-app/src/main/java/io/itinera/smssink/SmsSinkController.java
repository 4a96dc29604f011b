package io.itinera.smssink;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Shows the SMS the embedded SMSC caught (a page for people, JSON for scripts and tests), and lets one
 * answer as a phone would: {@code POST /sms-sink/replies} with {@code {"from": "+49...", "text": "STOP"}}.
 */
@Controller
@ConditionalOnProperty(SmsSinkDefaults.ENABLED)
@RequestMapping("/sms-sink")
class SmsSinkController {

  private final EmbeddedSmsc smsc;

  SmsSinkController(EmbeddedSmsc smsc) {
    this.smsc = smsc;
  }

  @GetMapping
  String page(Model model) {
    model.addAttribute("messages", smsc.all());
    return "sms-sink";
  }

  @GetMapping(value = "/messages", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  List<CaughtSms> messages() {
    return smsc.all();
  }

  /** An SMS from a phone to the app, such as STOP; 409 while the app has no session bound to the sink. */
  @PostMapping("/replies")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @ResponseBody
  void reply(@Valid @RequestBody Reply reply) {
    if (!smsc.reply(reply.from(), reply.text())) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "The app has no SMPP session bound to the sink yet");
    }
  }

  record Reply(@NotBlank @Pattern(regexp = "\\+[1-9][0-9]{7,14}", message = "must be E.164") String from,
      @NotBlank @Size(max = 1000) String text) {
  }
}
