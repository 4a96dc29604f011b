package io.itinera.outbox;

/**
 * A channel could not send: {@code permanent} when the server refused the message for good (an SMTP
 * 5xx, an SMSC's rejection of the number), else trouble that a later attempt may not meet.
 */
public class SendFailure extends Exception {

  private final boolean permanent;

  public SendFailure(String reason, boolean permanent, Throwable cause) {
    super(reason, cause);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }
}
