package io.itinera.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ItineraAppTest;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** An SMTP outage shows in the health answer but keeps the node in service. */
@ItineraAppTest
class MailServerHealthTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  StatusAggregator aggregator;
  @Autowired
  HttpCodeStatusMapper httpCodes;

  @Test
  void showsTheMailServerAsAComponentOfHealth() {
    var health = http.getForEntity("/actuator/health", String.class);

    assertThat(health.getStatusCode().value()).isEqualTo(200);
    assertThat(health.getBody()).contains("\"mail\":{\"status\":\"UP\"");
  }

  @Test
  void reportsAnUnreachableSmtpServerAsDegraded() throws Exception {
    var mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    try (var closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      mail.setPort(closed.getLocalPort());
    }

    var health = new MailServerHealth(mail).health();

    assertThat(health.getStatus()).isEqualTo(MailServerHealth.DEGRADED);
    assertThat(health.getDetails()).containsKey("error");
  }

  @Test
  void keepsTheNodeInServiceWhileTheMailServerIsDegraded() {
    var overall = aggregator.getAggregateStatus(Status.UP, MailServerHealth.DEGRADED);

    assertThat(overall).isEqualTo(Status.UP);
    assertThat(httpCodes.getStatusCode(overall)).isEqualTo(200);
    assertThat(aggregator.getAggregateStatus(Status.DOWN, MailServerHealth.DEGRADED)).isEqualTo(Status.DOWN);
  }
}
