package io.itinera.push;

import io.itinera.webhook.PinnedDnsResolver;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Posts one encrypted push to its push service, connecting only to the addresses {@link PushEndpoints}
 * checked (TLS still verifies the host name). No redirects, no automatic retries (the outbox retries), no
 * proxy, no cookies; the whole exchange ends within {@code timeout}, which stays below the outbox lease.
 */
@Component
class PushHttp {

  private static final int EXCERPT = 200;

  /** The push service's answer: status, Location (its id for the message) and the start of its body. */
  record Answer(int status, String location, String excerpt) {
  }

  Answer post(URI endpoint, List<InetAddress> addresses, Map<String, String> headers, byte[] body, Duration timeout)
      throws IOException {
    var connections = PoolingHttpClientConnectionManagerBuilder.create()
        .setDnsResolver(new PinnedDnsResolver(endpoint.getHost(), addresses))
        .setTlsSocketStrategy(DefaultClientTlsStrategy.createDefault())
        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(timeout))
            .setSocketTimeout(Timeout.of(timeout)).build())
        .build();
    var post = new HttpPost(endpoint);
    headers.forEach(post::setHeader);
    post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_OCTET_STREAM));
    var deadline = CompletableFuture.runAsync(post::cancel,
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
    try (var client = HttpClients.custom().setConnectionManager(connections).disableRedirectHandling()
        .disableAutomaticRetries().disableCookieManagement().build()) {
      return client.execute(post, response -> {
        var location = response.getFirstHeader("Location");
        var entity = response.getEntity();
        var text = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
        return new Answer(response.getCode(), location == null ? null : location.getValue(),
            text.length() > EXCERPT ? text.substring(0, EXCERPT) : text);
      });
    } catch (IOException failed) {
      if (failed instanceof InterruptedIOException || post.isCancelled()) {
        throw new IOException("no answer within " + timeout, failed);
      }
      throw failed;
    } finally {
      deadline.cancel(false);
    }
  }
}
