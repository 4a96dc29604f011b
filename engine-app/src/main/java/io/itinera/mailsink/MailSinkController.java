package io.itinera.mailsink;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Shows the email the embedded mail sink caught: a page for people, JSON for scripts and tests. */
@Controller
@ConditionalOnProperty(MailSinkDefaults.ENABLED)
@RequestMapping("/mail-sink")
class MailSinkController {

  private final CaughtEmails emails;

  MailSinkController(CaughtEmails emails) {
    this.emails = emails;
  }

  @GetMapping
  String page(Model model) {
    model.addAttribute("emails", emails.all());
    return "mail-sink";
  }

  @GetMapping(value = "/messages", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  List<CaughtEmail> messages() {
    return emails.all();
  }

  /** The body as the recipient would see it; HTML is sandboxed, since it is the email's, not ours. */
  @GetMapping("/messages/{id}/body")
  @ResponseBody
  ResponseEntity<String> body(@PathVariable int id) {
    return emails.byId(id)
        .map(email -> email.html() != null
            ? ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .header("Content-Security-Policy", "sandbox")
                .body(email.html())
            : ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(String.valueOf(email.text())))
        .orElse(ResponseEntity.notFound().build());
  }
}
