package io.itinera.mailsink;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

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

  /** One message: every header, the text part, the raw source and the contact it went to. */
  @GetMapping(value = "/messages/{id}", produces = MediaType.TEXT_HTML_VALUE)
  String message(@PathVariable long id, Model model) {
    var email = emails.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("email", email);
    model.addAttribute("source", new String(emails.source(id).orElseThrow(), StandardCharsets.UTF_8));
    return "mail-sink-message";
  }

  /** The message as received, headers and MIME parts, shown as text whatever it holds. */
  @GetMapping("/messages/{id}/source")
  @ResponseBody
  ResponseEntity<byte[]> source(@PathVariable long id) {
    return emails.source(id)
        .map(raw -> ResponseEntity.ok()
            .contentType(MediaType.TEXT_PLAIN)
            .header("X-Content-Type-Options", "nosniff")
            .header("Content-Security-Policy", "sandbox")
            .body(raw))
        .orElse(ResponseEntity.notFound().build());
  }

  /** The body as the recipient would see it; HTML is sandboxed, since it is the email's, not ours. */
  @GetMapping("/messages/{id}/body")
  @ResponseBody
  ResponseEntity<String> body(@PathVariable long id) {
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
