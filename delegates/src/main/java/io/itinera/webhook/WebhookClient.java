package io.itinera.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Sends one webhook request to exactly the addresses the guard checked (TLS still verifies the host
 * name): a client per call, since its DNS answers belong to that call. No redirects (they would skip
 * the guard), no automatic retries (the job retries), no proxy, no cookies.
 */
@Component
class WebhookClient implements WebhookSender {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final TlsSocketStrategy tls = DefaultClientTlsStrategy.createDefault();

  @Override
  public WebhookAnswer send(WebhookRequest step) throws IOException {
    var timeout = Timeout.of(step.timeout());
    var connections = PoolingHttpClientConnectionManagerBuilder.create()
        .setDnsResolver(new PinnedDnsResolver(step.url().getHost(), step.addresses()))
        .setTlsSocketStrategy(tls)
        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(Collections.min(List.of(CONNECT_TIMEOUT, step.timeout()))))
            .setSocketTimeout(timeout).build())
        .build();
    var request = new HttpUriRequestBase(step.method(), step.url());
    step.headers().forEach(request::setHeader);
    if (!step.method().equals("GET")) {
      request.setEntity(new StringEntity(step.body(), ContentType.APPLICATION_JSON));
    }
    // Socket timeouts bound each wait; a receiver that trickles its answer must not hold the job past its
    // lock, so the whole exchange ends at the step's timeout too.
    var deadline = CompletableFuture.runAsync(request::cancel,
        CompletableFuture.delayedExecutor(step.timeout().toMillis(), TimeUnit.MILLISECONDS));
    try (var client = HttpClients.custom().setConnectionManager(connections).disableRedirectHandling()
        .disableAutomaticRetries().disableCookieManagement().disableAuthCaching().build()) {
      return client.execute(request, response -> {
        var entity = response.getEntity();
        return entity == null ? new WebhookAnswer(response.getCode(), "", "")
            : new WebhookAnswer(response.getCode(), Objects.toString(entity.getContentType(), ""),
                EntityUtils.toString(entity, StandardCharsets.UTF_8));
      });
    } catch (IOException failed) {
      if (failed instanceof InterruptedIOException || request.isCancelled()) {
        throw new IllegalStateException("Webhook " + step.method() + " " + step.url() + " timed out after "
            + step.timeout(), failed);
      }
      throw failed;
    } finally {
      deadline.cancel(false);
    }
  }
}
