package io.itinera;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;

/** A misspelt implementation would not fail: the libraries would quietly go back to scanning the class path. */
class ServiceLookupsTest {

  @Test
  void theNamedImplementationsAreTheOnesTheLibrariesFindAndUse() throws Exception {
    ServiceLookups.pin();

    assertThat(DatatypeFactory.newInstance().getClass().getName())
        .isEqualTo(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY));
    assertThat(StreamProvider.provider().getClass().getName())
        .isEqualTo(System.getProperty(ServiceLookups.MAIL_STREAM_PROVIDER))
        .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
  }
}
