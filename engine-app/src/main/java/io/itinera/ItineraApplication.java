package io.itinera;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Itinera: email marketing journeys on the Camunda 7 engine. */
@SpringBootApplication
public class ItineraApplication {

  static {
    ServiceLookups.pin();
  }

  public static void main(String[] args) {
    SpringApplication.run(ItineraApplication.class, args);
  }
}
