package io.itinera.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content variants as analysts write them: NAME.variants.yml naming one file per variant of each slot. */
class TemplateVariantsTest {

  private static final String ADDRESS = "Itinera, 1 Example Street, 10115 Berlin, Germany";
  private static final Map<String, Object> MODEL = Map.of("unsubscribeUrl", "https://itinera.example/u/t",
      "contact", Map.of("firstName", "Ann"));

  @TempDir
  Path directory;
  private EmailTemplates templates;

  @BeforeEach
  void offerTemplate() throws IOException {
    write("offer.subject.txt", "Base subject");
    write("offer.html", "<html><body><p>Hi</p><div th:utext=\"${blocks.cta}\"></div>"
        + "<a th:href=\"${unsubscribeUrl}\">Unsubscribe</a></body></html>");
    write("offer.txt", "Hi\n[(${blockTexts.cta})]\n[(${unsubscribeUrl})]");
    write("offer.subject.short.txt", "Short, [(${contact.firstName ?: 'there'})]");
    write("offer.subject.long.txt", "A much longer subject for [(${contact.firstName ?: 'there'})]");
    write("offer.cta.guide.html", "<a href=\"https://itinera.example/guide\">Read the guide</a>");
    write("offer.cta.discount.html", "<a href=\"https://itinera.example/shop\">Take 10% off</a>");
    write("offer.variants.yml", """
        subject:
          short: offer.subject.short.txt
          long: offer.subject.long.txt
        cta:
          guide: offer.cta.guide.html
          discount: offer.cta.discount.html
        """);
    templates = new EmailTemplates(new TemplateSettings(directory, "Itinera", ADDRESS));
  }

  @Test
  void listsTheSlotsAndTheirVariantsInTheFilesOrder() {
    var variants = templates.variants("offer").orElseThrow();

    assertThat(variants.slots()).containsOnlyKeys("subject", "cta");
    assertThat(variants.slots().get("cta")).containsExactly("guide", "discount");
    assertThat(variants.firsts()).isEqualTo(Map.of("subject", "short", "cta", "guide"));
    assertThat(templates.variants("nothing-declared")).isEmpty();
  }

  @Test
  void rendersTheChosenSubjectAndBlockIntoHtmlAndText() {
    var email = templates.render("offer", MODEL, Map.of("subject", "long", "cta", "discount"));

    assertThat(email.subject()).isEqualTo("A much longer subject for Ann");
    assertThat(email.html()).contains("Take 10% off").doesNotContain("Read the guide");
    assertThat(email.text()).contains("Take 10% off").doesNotContain("<a");
  }

  @Test
  void rendersTheFirstVariantOfASlotLeftOut() {
    var email = templates.render("offer", MODEL);

    assertThat(email.subject()).isEqualTo("Short, Ann");
    assertThat(email.html()).contains("Read the guide");
  }

  @Test
  void refusesAVariantTheTemplateDoesNotDeclare() {
    assertThatThrownBy(() -> templates.render("offer", MODEL, Map.of("cta", "free-gift")))
        .isInstanceOf(TemplateException.class).hasMessageContaining("free-gift").hasMessageContaining("offer.variants.yml");
  }

  @Test
  void namesAVariantFileThatIsMissing() throws IOException {
    Files.delete(directory.resolve("offer.cta.discount.html"));

    assertThat(templates.variantProblems("offer")).singleElement().asString()
        .contains("offer.cta.discount.html").contains("'discount'").contains("not found");
  }

  @Test
  void namesAVariantFileWithABrokenExpression() throws IOException {
    write("offer.subject.long.txt", "Hello [(${contact.firstName +})]");

    assertThat(templates.variantProblems("offer")).singleElement().asString().contains("offer.subject.long.txt");
  }

  @Test
  void namesAMalformedVariantsFile() throws IOException {
    write("offer.variants.yml", "cta:\n  only-one: offer.cta.guide.html\n");

    assertThat(templates.variantProblems("offer")).singleElement().asString()
        .contains("offer.variants.yml").contains("at least two variants");
  }

  @Test
  void findsNothingWrongWithAGoodVariantSet() {
    assertThat(templates.variantProblems("offer")).isEqualTo(List.of());
  }

  private void write(String file, String content) throws IOException {
    Files.writeString(directory.resolve(file), content);
  }
}
