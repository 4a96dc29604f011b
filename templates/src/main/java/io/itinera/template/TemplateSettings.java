package io.itinera.template;

import java.nio.file.Path;

/**
 * Where templates may be overridden ({@code overrideDirectory}, {@code null} for nowhere), and what every
 * marketing email's footer says: the sender's name and one-line postal address, both required.
 */
public record TemplateSettings(Path overrideDirectory, String senderName, String postalAddress) {

  public TemplateSettings {
    // Anti-spam law requires both in every marketing email: fail at startup, not per email.
    if (senderName == null || senderName.isBlank()) {
      throw new IllegalArgumentException("The sender's name for the email footer is required");
    }
    if (postalAddress == null || postalAddress.isBlank()) {
      throw new IllegalArgumentException("The sender's postal address for the email footer is required");
    }
  }
}
