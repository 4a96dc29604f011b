package io.itinera.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the controllers of the Itinera API under {@code /api}: their errors are problem details. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ItineraApi {

  /** What a contact id may look like: the app's own id, not free text. */
  String CONTACT_ID = "[A-Za-z0-9][A-Za-z0-9._@:+\\-]{0,254}";
}
