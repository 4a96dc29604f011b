package io.itinera.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EmailTemplatesTest {

  private static final String UNSUBSCRIBE = "https://itinera.example/u/token-123";
  private static final String ADDRESS = "Itinera, 1 Example Street, 10115 Berlin, Germany";
  private static final EmailTemplates SHIPPED = new EmailTemplates(new TemplateSettings(null, "Itinera", ADDRESS));

  @TempDir
  Path overrides;

  static Iterable<String> shippedTemplates() {
    return SHIPPED.shipped();
  }

  @Test
  void shipsTheEmailsOfEveryJourney() {
    assertThat(SHIPPED.shipped()).containsExactlyInAnyOrder("welcome", "product-introduction", "engagement-prompt",
        "success", "nurture", "low-engagement", "cart-reminder", "cart-discount", "cart-free-shipping",
        "cart-last-reminder", "thank-you", "review-request", "we-miss-you", "birthday");
  }

  @ParameterizedTest
  @MethodSource("shippedTemplates")
  void rendersEveryShippedTemplateCompletely(String name) {
    var email = SHIPPED.render(name, model(contact("Ann")));

    assertThat(email.subject()).isNotBlank().doesNotContain("\n");
    assertThat(email.html()).isNotBlank().contains("Ann", UNSUBSCRIBE, ADDRESS, "<html lang=\"en\"",
        "<meta charset=\"utf-8\">");
    assertThat(email.text()).isNotBlank().contains(UNSUBSCRIBE, ADDRESS).doesNotContain("[(", "${", "<");
  }

  @ParameterizedTest
  @MethodSource("shippedTemplates")
  void greetsAContactWithoutAFirstNameAsThere(String name) {
    var email = SHIPPED.render(name, model(Map.of("id", "c-1", "email", "ann@example.com")));

    assertThat(email.html()).contains("Hi there,").doesNotContain("null");
    assertThat(email.text()).contains("Hi there,").doesNotContain("null");
    assertThat(email.subject()).doesNotContain("null");
  }

  @ParameterizedTest
  @MethodSource("shippedTemplates")
  void linksOnlyToAbsoluteHttpsUrls(String name) {
    var html = SHIPPED.render(name, model(contact("Ann"))).html();

    var links = Pattern.compile("href=\"([^\"]*)\"").matcher(html).results().map(link -> link.group(1)).toList();

    assertThat(links).isNotEmpty().allSatisfy(link -> assertThat(link).startsWith("https://"));
  }

  @Test
  void escapesContactDataInTheHtmlBody() {
    var email = SHIPPED.render("welcome", model(contact("<script>alert(1)</script>")));

    assertThat(email.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
  }

  @Test
  void keepsTheSubjectOnOneLine() {
    var email = SHIPPED.render("welcome", model(contact("Ann\r\nBcc: evil@example.com")));

    assertThat(email.subject()).isEqualTo("Welcome aboard, Ann Bcc: evil@example.com!");
  }

  @Test
  void refusesAnUnknownTemplateByName() {
    assertThatThrownBy(() -> SHIPPED.render("nope", model(contact("Ann"))))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("No email template 'nope'");
  }

  @Test
  void refusesATemplateWithoutAnHtmlBodyBeforeRenderingAnything() throws IOException {
    write("half.subject.txt", "[(${contact.nosuchmethod()})]");
    var templates = withOverrides();

    assertThatThrownBy(() -> templates.render("half", model(contact("Ann"))))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("No email template 'half'")
        .hasMessageContaining("half.html");
  }

  @Test
  void refusesANameThatCouldLeaveTheTemplateFolders() {
    assertThatThrownBy(() -> SHIPPED.render("../welcome", model(contact("Ann"))))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("No email template '../welcome'");
  }

  @Test
  void namesTheTemplateAndLineOfAnExpressionError() throws IOException {
    write("broken.subject.txt", "Hello");
    write("broken.html", """
        <!DOCTYPE html>
        <html lang="en">
        <body>
        <p th:text="${contact.nosuchmethod()}">x</p>
        </body>
        </html>
        """);
    var templates = withOverrides();

    assertThatThrownBy(() -> templates.render("broken", model(contact("Ann"))))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'broken'")
        .hasMessageContaining("broken.html, line 4");
  }

  @Test
  void namesTheLineOfAnArithmeticErrorInTheSubject() throws IOException {
    write("division.subject.txt", "Hello\n[(${1/0})]");
    write("division.html", "<p>Hello</p>");
    var templates = withOverrides();

    assertThatThrownBy(() -> templates.render("division", model(contact("Ann"))))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'division'")
        .hasMessageContaining("division.subject.txt, line 2");
  }

  @Test
  void refusesAnEmptySubject() throws IOException {
    write("welcome.subject.txt", "[(${vars.subject})]\n");
    var templates = withOverrides();

    assertThatThrownBy(() -> templates.render("welcome", model(contact("Ann"))))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'welcome' rendered an empty subject");
  }

  @Test
  void refusesAnEmptyHtmlBody() throws IOException {
    write("welcome.html", "<p th:if=\"${vars.never}\">Hello</p>\n");
    var templates = withOverrides();

    assertThatThrownBy(() -> templates.render("welcome", model(contact("Ann"))))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'welcome' rendered an empty HTML body");
  }

  @Test
  void letsTheOverrideDirectoryReplaceAShippedSubject() throws IOException {
    write("welcome.subject.txt", "Good to have you, [(${contact.firstName})]");
    var templates = withOverrides();

    var email = templates.render("welcome", model(contact("Ann")));

    assertThat(email.subject()).isEqualTo("Good to have you, Ann");
    assertThat(email.html()).contains("Welcome to Itinera");
  }

  @Test
  void letsTheOverrideDirectoryAddATemplateAndDerivesItsText() throws IOException {
    write("spring-sale.subject.txt", "[(${event.discount ?: 10})]% off for [(${contact.firstName ?: 'you'})]");
    write("spring-sale.html", """
        <!DOCTYPE html>
        <html lang="en" th:replace="~{layout.html :: email(~{::title}, ~{::content})}">
        <head><title>Spring sale</title></head>
        <body>
        <div th:ref="content">
          <h1>Spring sale</h1>
          <p th:text="|Hi ${contact.firstName ?: 'there'},|">Hi there,</p>
          <p>Everything is <b>20% off</b> &amp; shipping is free.<br>Until Sunday.</p>
          <ul><li>Plans</li><li>Add-ons</li></ul>
          <p><a href="https://itinera.example/sale?a=1&amp;b=2">See the sale</a></p>
        </div>
        </body>
        </html>
        """);
    var templates = withOverrides();

    var email = templates.render("spring-sale", model(contact("Ann"), Map.of("discount", 20)));

    assertThat(email.subject()).isEqualTo("20% off for Ann");
    assertThat(email.html()).contains("Hi Ann,", UNSUBSCRIBE, ADDRESS);
    assertThat(email.text()).isEqualTo("""
        Spring sale

        Hi Ann,

        Everything is 20% off & shipping is free.
        Until Sunday.

        - Plans
        - Add-ons

        See the sale (https://itinera.example/sale?a=1&b=2)

        You're getting this email because you signed up for Itinera. Unsubscribe (UNSUBSCRIBE)

        Itinera
        ADDRESS""".replace("UNSUBSCRIBE", UNSUBSCRIBE).replace("ADDRESS", ADDRESS));
    assertThat(templates.shipped()).doesNotContain("spring-sale");
  }

  @Test
  void fillsTheFooterFromTheSettingsNotTheCaller() {
    var model = new HashMap<>(model(contact("Ann")));
    model.put("sender", Map.of("name", "Someone else", "postalAddress", "Nowhere"));

    var email = SHIPPED.render("welcome", model);

    assertThat(email.html()).contains(ADDRESS).doesNotContain("Nowhere");
  }

  @Test
  void refusesAModelWithoutAnUnsubscribeUrl() {
    assertThatThrownBy(() -> SHIPPED.render("welcome", Map.of("contact", contact("Ann"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsubscribeUrl");
  }

  private EmailTemplates withOverrides() {
    return new EmailTemplates(new TemplateSettings(overrides, "Itinera", ADDRESS));
  }

  private void write(String file, String content) throws IOException {
    Files.writeString(overrides.resolve(file), content);
  }

  private static Map<String, Object> contact(String firstName) {
    var contact = new HashMap<String, Object>();
    contact.put("id", "c-1");
    contact.put("email", "ann@example.com");
    contact.put("firstName", firstName);
    contact.put("lastName", "Lee");
    contact.put("timezone", "Europe/Berlin");
    contact.put("locale", "en-GB");
    contact.put("attributes", Map.of("plan", "pro"));
    return contact;
  }

  private static Map<String, Object> model(Map<String, Object> contact) {
    return model(contact, Map.of());
  }

  private static Map<String, Object> model(Map<String, Object> contact, Map<String, Object> event) {
    return Map.of("contact", contact, "event", event, "vars", Map.of(), "unsubscribeUrl", UNSUBSCRIBE);
  }
}
