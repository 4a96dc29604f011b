package io.itinera.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over {@value #MAX_BYTES} bytes before they are parsed: by their
 * declared length, and by counting when no length is declared.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

  static final int MAX_BYTES = 256 * 1024;

  private final ObjectMapper json;

  RequestBodyLimitFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      Problems.write(response, json, tooLarge(), Map.of());
      return;
    }
    chain.doFilter(new LimitedRequest(request), response);
  }

  static org.springframework.http.ProblemDetail tooLarge() {
    return Problems.invalidField("body", "The request body is larger than " + MAX_BYTES / 1024 + " KB");
  }

  /** Thrown while reading a body that turns out too large; Jackson passes it on as the cause. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("The request body is larger than " + MAX_BYTES / 1024 + " KB");
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private ServletInputStream limited;

    LimitedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new LimitedInputStream(super.getInputStream());
      }
      return limited;
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {
    private final ServletInputStream body;
    private long read;

    LimitedInputStream(ServletInputStream body) {
      this.body = body;
    }

    @Override
    public int read() throws IOException {
      var next = body.read();
      if (next >= 0) {
        count(1);
      }
      return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      var count = body.read(buffer, offset, length);
      if (count > 0) {
        count(count);
      }
      return count;
    }

    private void count(int bytes) throws BodyTooLargeException {
      read += bytes;
      if (read > MAX_BYTES) {
        throw new BodyTooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }
  }
}
