package io.itinera.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.sms.SmsCodec.Coding;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SmsCodecTest {

  @Test
  void gsmAlphabetHasEveryOneOfItsCharactersOnce() {
    var all = new StringBuilder();
    for (int code = 0; code < 128; code++) {
      if (code != 0x1B) {
        all.append(Gsm7.decode(new byte[] {(byte) code}, 0));
      }
    }
    assertThat(all.toString().chars().distinct().count()).isEqualTo(127);
    assertThat(Gsm7.encode(all.toString())).hasSize(127);
  }

  @Test
  void plainEnglishIsGsm7InOneMessageOfOneSeptetPerCharacter() {
    var encoded = SmsCodec.encode("Hello Ann, your order @ 10:00 is on its way!", 7);

    assertThat(encoded.coding()).isEqualTo(Coding.GSM7);
    assertThat(encoded.coding().dataCoding()).isZero();
    assertThat(encoded.concatenated()).isFalse();
    assertThat(encoded.shortMessages()).singleElement()
        .satisfies(message -> assertThat(message).hasSize(44).startsWith('H', 'e', 'l'));
    assertThat(encoded.shortMessages().get(0)[22]).isZero(); // '@' is septet 0 in GSM 03.38
  }

  @Test
  void gsmAccentsStayGsm7AndTheEuroTakesAnEscape() {
    var encoded = SmsCodec.encode("Café für 5€", 1);

    assertThat(encoded.coding()).isEqualTo(Coding.GSM7);
    assertThat(encoded.shortMessages().get(0)).hasSize(12).endsWith((byte) 0x1B, (byte) 0x65);
    assertThat(SmsCodec.decode((byte) 0, (byte) 0, encoded.shortMessages().get(0)).text()).isEqualTo("Café für 5€");
  }

  @Test
  void anyCharacterOutsideGsmMakesTheWholeTextUcs2() {
    var encoded = SmsCodec.encode("Привет Ann", 1);

    assertThat(encoded.coding()).isEqualTo(Coding.UCS2);
    assertThat(encoded.coding().dataCoding()).isEqualTo((byte) 0x08);
    assertThat(encoded.shortMessages().get(0)).hasSize(20);
    assertThat(SmsCodec.decode((byte) 8, (byte) 0, encoded.shortMessages().get(0)).text()).isEqualTo("Привет Ann");
  }

  @Test
  void gsm7Fits160SeptetsInOneMessageAnd161InTwoParts() {
    assertThat(SmsCodec.parts("a".repeat(160))).isEqualTo(1);
    assertThat(SmsCodec.parts("a".repeat(161))).isEqualTo(2);
    assertThat(SmsCodec.parts("a".repeat(306))).isEqualTo(2);
    assertThat(SmsCodec.parts("a".repeat(307))).isEqualTo(3);
    // Each euro sign is two septets: 80 of them fill one message.
    assertThat(SmsCodec.parts("€".repeat(80))).isEqualTo(1);
    assertThat(SmsCodec.parts("€".repeat(81))).isEqualTo(2);
  }

  @Test
  void ucs2Fits70CharactersInOneMessageAnd67PerPart() {
    assertThat(SmsCodec.parts("ж".repeat(70))).isEqualTo(1);
    assertThat(SmsCodec.parts("ж".repeat(71))).isEqualTo(2);
    assertThat(SmsCodec.parts("ж".repeat(134))).isEqualTo(2);
    assertThat(SmsCodec.parts("ж".repeat(135))).isEqualTo(3);
  }

  @Test
  void partsCarryAConcatenationHeaderWithReferenceTotalAndSequence() {
    var encoded = SmsCodec.encode("a".repeat(200), 42);

    assertThat(encoded.concatenated()).isTrue();
    assertThat(encoded.shortMessages()).hasSize(2);
    assertThat(encoded.shortMessages().get(0)).hasSize(6 + 153).startsWith(5, 0, 3, 42, 2, 1);
    assertThat(encoded.shortMessages().get(1)).hasSize(6 + 47).startsWith(5, 0, 3, 42, 2, 2);
    var part = SmsCodec.decode((byte) 0, SmsCodec.UDHI, encoded.shortMessages().get(1));
    assertThat(part).isEqualTo(new SmsCodec.Part(42, 2, 2, "a".repeat(47)));
  }

  @Test
  void neverSplitsAnEscapedCharacterOrASurrogatePair() {
    // 152 septets, then a euro sign (2 septets) that would straddle the 153-septet boundary.
    var gsm = SmsCodec.encode("a".repeat(152) + "€" + "b".repeat(10), 1);
    assertThat(gsm.shortMessages().get(0)).hasSize(6 + 152);
    assertThat(SmsCodec.decode((byte) 0, SmsCodec.UDHI, gsm.shortMessages().get(1)).text()).isEqualTo("€" + "b".repeat(10));

    // 66 characters, then an emoji (two UTF-16 units) that would straddle the 67-unit boundary.
    var ucs2 = SmsCodec.encode("ж".repeat(66) + "😀" + "ж".repeat(10), 1);
    assertThat(ucs2.shortMessages().get(0)).hasSize(6 + 66 * 2);
    assertThat(SmsCodec.decode((byte) 8, SmsCodec.UDHI, ucs2.shortMessages().get(1)).text()).startsWith("😀");
  }

  @Test
  void partsReassembleToTheWholeText() {
    var text = "Grüße aus Köln — 😀 ".repeat(12);
    var encoded = SmsCodec.encode(text, 9);

    var whole = encoded.shortMessages().stream()
        .map(message -> SmsCodec.decode(encoded.coding().dataCoding(), SmsCodec.UDHI, message).text())
        .collect(Collectors.joining());
    assertThat(encoded.coding()).isEqualTo(Coding.UCS2);
    assertThat(whole).isEqualTo(text);
  }
}
