package io.itinera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three nodes with the default settings on one PostgreSQL database that admits what a stock server
 * admits to ordinary users (max_connections 100, 3 of them kept for superusers): all three start with
 * their job executor and dispatcher on, fill their pools, serve the API and send a welcome email, and
 * ten more sessions (psql, monitoring, a migration) still get in. The nodes log in as an ordinary role
 * on a database of their own with that connection limit, since no limit applies to superusers and the
 * server is shared. PostgreSQL suite only.
 */
class ThreeNodesTest {

  private static final String DATABASE = "itinera_three_nodes";
  private static final String ROLE = "itinera_node";
  private static final int STOCK_ORDINARY_CONNECTIONS = 100 - 3;
  private static final int OPS_SESSIONS = 10;

  private static final GreenMail SMTP = new GreenMail(
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
  private final List<Connection> opsSessions = new ArrayList<>();
  private final OtherNodes otherNodes = new OtherNodes();

  @BeforeEach
  void startSmtp() {
    SMTP.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (var session : opsSessions) {
      session.close();
    }
    nodes.forEach(ConfigurableApplicationContext::close);
    SMTP.stop();
    otherNodes.restoreEngineRegistry();
  }

  @Test
  void threeNodesWithDefaultPoolsStartAndServeWithinAStockServersConnections() throws Exception {
    var suiteUrl = System.getProperty("ITINERA_DB_URL", "");
    assumeTrue(suiteUrl.startsWith("jdbc:postgresql:"), "PostgreSQL suite only (-Ditinera.test.db-url=jdbc:postgresql:...)");
    var nodeUrl = suiteUrl.substring(0, suiteUrl.lastIndexOf('/') + 1) + DATABASE;
    stockDatabase(suiteUrl, System.getProperty("ITINERA_DB_USER", "postgres"));

    for (int node = 1; node <= 3; node++) {
      nodes.add(start(nodeUrl, node));
    }
    for (var node : nodes) {
      awaitFullPool(node.getBean(HikariDataSource.class));
    }
    var pools = nodes.stream().mapToInt(node -> node.getBean(HikariDataSource.class).getMaximumPoolSize()).sum();
    for (int session = 0; session < OPS_SESSIONS; session++) {
      opsSessions.add(DriverManager.getConnection(nodeUrl, ROLE, ""));
    }

    assertThat(pools).isLessThanOrEqualTo(STOCK_ORDINARY_CONNECTIONS - OPS_SESSIONS);
    assertThat(connectionsTo(opsSessions.get(0))).isEqualTo(pools + OPS_SESSIONS);
    for (int node = 1; node <= 3; node++) {
      var api = api(nodes.get(node - 1));
      var contact = "node-" + node + "-contact";
      assertThat(api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com"), contact)
          .getStatusCode().is2xxSuccessful()).isTrue();
      var signup = api.post("/api/events",
          Map.of("contactId", contact, "type", "signup", "properties", Map.of("source", "website")));
      assertThat(signup.getStatusCode().value()).isEqualTo(200);
      assertThat(signup.getBody().at("/started/0/journey").asText()).isEqualTo("welcome-series");
    }
    // Some node's job executor runs each first step and some node's dispatcher sends it.
    assertThat(SMTP.waitForIncomingEmail(120_000, 3)).isTrue();
    for (int node = 1; node <= 3; node++) {
      assertThat(TestInbox.of(SMTP, "node-" + node + "-contact@example.com")).hasSize(1);
    }
  }

  /** A fresh database owned by an ordinary role, admitting as many connections as a stock server does. */
  private static void stockDatabase(String suiteUrl, String superuser) throws Exception {
    try (var admin = DriverManager.getConnection(suiteUrl, superuser, "");
        var statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN "
          + "CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER; END IF; END $$");
      statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE
          + " CONNECTION LIMIT " + STOCK_ORDINARY_CONNECTIONS);
    }
  }

  /** One node on the shared database, with everything that runs in production on, and an engine name of its own. */
  private static ConfigurableApplicationContext start(String url, int node) throws Exception {
    return new SpringApplicationBuilder(ItineraApplication.class).run(
        "--server.port=0", "--ITINERA_DB_URL=" + url, "--ITINERA_DB_USER=" + ROLE,
        "--ITINERA_DATA_DIR=" + Files.createTempDirectory("itinera-node-" + node),
        "--camunda.bpm.process-engine-name=node-" + node,
        "--ITINERA_ADMIN_PASSWORD=" + ItineraAppTest.ADMIN_PASSWORD, "--ITINERA_API_KEYS=" + ItineraAppTest.API_KEY,
        "--ITINERA_TRACKING_SECRET=test-only-tracking-secret", "--itinera.push.vapid.generate=true",
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP.getSmtp().getPort(),
        "--itinera.email.dispatch.interval=PT0.2S", "--itinera.mail-sink.smtp-port=0",
        // Quiet hours would hold the emails whatever time of day the test runs.
        "--itinera.send-window.quiet-hours-start=00:00", "--itinera.send-window.quiet-hours-end=00:00",
        // Cockpit keeps its set-up in static fields: more of them in this JVM would leave the shared context's broken.
        "--camunda.bpm.webapp.enabled=false");
  }

  /** Hikari opens its connections in the background after start-up; a node holds all of them once it is busy. */
  private static void awaitFullPool(HikariDataSource pool) throws InterruptedException {
    var deadline = System.nanoTime() + 120_000_000_000L;
    while (pool.getHikariPoolMXBean().getTotalConnections() < pool.getMaximumPoolSize()) {
      assertThat(System.nanoTime()).as("pool %s filled", pool.getPoolName()).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static int connectionsTo(Connection session) throws Exception {
    try (var statement = session.createStatement();
        var count = statement.executeQuery(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'")) {
      count.next();
      return count.getInt(1);
    }
  }

  private static ApiClient api(ConfigurableApplicationContext node) {
    var port = ((ServletWebServerApplicationContext) node).getWebServer().getPort();
    return new ApiClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)));
  }
}
