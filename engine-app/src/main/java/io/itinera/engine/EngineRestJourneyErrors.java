package io.itinera.engine;

import io.itinera.journey.EntryRefusedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A start refused by a journey rule, or a deployment refused by the journey check, is the caller's
 * doing, not a server error: the engine REST API answers it with 409 or 400 in Camunda's own error
 * format instead of its generic 500.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestJourneyErrors {

  @Bean
  ResourceConfigCustomizer journeyErrorMappers() {
    return config -> config
        .register(new EntryRefusedMapper())
        .register(new ContactIdRequiredMapper())
        .register(new JourneyRefusedMapper());
  }

  static final class EntryRefusedMapper implements ExceptionMapper<EntryRefusedException> {
    @Override
    public Response toResponse(EntryRefusedException exception) {
      return camundaError(Status.CONFLICT, exception);
    }
  }

  static final class ContactIdRequiredMapper implements ExceptionMapper<ContactIdRequiredException> {
    @Override
    public Response toResponse(ContactIdRequiredException exception) {
      return camundaError(Status.BAD_REQUEST, exception);
    }
  }

  static final class JourneyRefusedMapper implements ExceptionMapper<JourneyRefusedException> {
    @Override
    public Response toResponse(JourneyRefusedException exception) {
      return camundaError(Status.BAD_REQUEST, exception);
    }
  }

  private static Response camundaError(Status status, RuntimeException exception) {
    var body = new LinkedHashMap<String, Object>();
    body.put("type", exception.getClass().getSimpleName());
    body.put("message", exception.getMessage());
    body.put("code", null);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
