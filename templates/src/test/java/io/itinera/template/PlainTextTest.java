package io.itinera.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

  @Test
  void keepsASubjectThatFitsOneHeaderLine() {
    var subject = "a".repeat(PlainText.SUBJECT_MAX);

    assertThat(PlainText.subject(subject)).isEqualTo(subject);
  }

  @Test
  void cutsALongSubjectToOneHeaderLineWithAnEllipsis() {
    var subject = PlainText.subject("Welcome aboard, " + "Ann".repeat(400) + "!");

    assertThat(("Subject: " + subject).length()).isEqualTo(998);
    assertThat(subject).startsWith("Welcome aboard, AnnAnn").endsWith("\u2026");
  }

  @Test
  void neverSplitsASurrogatePairWhenCutting() {
    // The emoji's two chars straddle the cut: the cut goes before it, not between them.
    var subject = PlainText.subject("a".repeat(PlainText.SUBJECT_MAX - 2) + "\uD83D\uDE00" + "b".repeat(50));

    assertThat(subject).isEqualTo("a".repeat(PlainText.SUBJECT_MAX - 2) + "\u2026");
  }

  @Test
  void foldsLineBreaksSoNoHeaderCanBeInjected() {
    assertThat(PlainText.subject("Hi Ann\r\nBcc: evil@example.com\u2028\u0085x")).isEqualTo("Hi Ann Bcc: evil@example.com x");
  }
}
