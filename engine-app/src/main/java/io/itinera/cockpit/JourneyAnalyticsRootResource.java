package io.itinera.cockpit;

import io.itinera.analytics.JourneyAnalytics;
import io.itinera.experiment.ExperimentResults;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The plugin's part of Cockpit's API, {@code /camunda/api/cockpit/plugin/itinera-journeys/...}:
 * Cockpit's security filter lets only a logged-in Cockpit user with access to the engine through to
 * {@code {engine}/...}, and serves the client module under {@code static/} to anyone, as for every plugin.
 * Jersey creates this resource, not Spring, so it looks the analytics up in the application context.
 */
@Path("plugin/" + JourneyAnalyticsPlugin.ID)
public class JourneyAnalyticsRootResource extends AbstractCockpitPluginRootResource {

  public JourneyAnalyticsRootResource() {
    super(JourneyAnalyticsPlugin.ID);
  }

  @Path("{engineName}/process-definition/{processDefinitionId}")
  public JourneyAnalyticsResource journey(@PathParam("engineName") String engineName,
      @PathParam("processDefinitionId") String processDefinitionId) {
    var context = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    return subResource(new JourneyAnalyticsResource(engineName, processDefinitionId,
        context.getBean(JourneyAnalytics.class), context.getBean(ExperimentResults.class)), engineName);
  }
}
