package io.itinera;

import javax.xml.datatype.DatatypeFactory;

/**
 * Names the implementations that two libraries otherwise look up on the class path each time they
 * need one: Camunda creates a {@link DatatypeFactory} for every timer it schedules, and Jakarta Mail
 * looks up its stream provider for every part of every message it writes or reads. Each lookup scans
 * every jar of the app for a service file; profiled, they cost more than a quarter of the dispatcher's
 * time and a tenth of each journey start. A setting given on the command line still wins.
 */
final class ServiceLookups {

  static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  private ServiceLookups() {
  }

  static void pin() {
    pin(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    pin(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
  }

  private static void pin(String property, String implementation) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, implementation);
    }
  }
}
