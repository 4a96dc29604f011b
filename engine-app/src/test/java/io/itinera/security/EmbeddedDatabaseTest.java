package io.itinera.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedDatabaseTest {

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:h2:file:./data/itinera", "jdbc:h2:mem:itinera-test;DB_CLOSE_DELAY=-1",
      "jdbc:h2:./data/itinera", "jdbc:h2:~/itinera", "JDBC:H2:FILE:/var/lib/itinera/db", "jdbc:h2:C:/data/itinera"})
  void countsALocalH2AsEmbedded(String url) {
    assertThat(EmbeddedDatabase.isLocalH2(url)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:h2:tcp://db.internal/itinera", "jdbc:h2:ssl://db.internal:9092/itinera",
      "jdbc:h2:TCP://localhost/~/itinera", "jdbc:h2:zip:/backups/itinera.zip!/itinera",
      "jdbc:postgresql://db.internal:5432/itinera", ""})
  void countsAnyOtherDatabaseAsReal(String url) {
    assertThat(EmbeddedDatabase.isLocalH2(url)).isFalse();
  }
}
