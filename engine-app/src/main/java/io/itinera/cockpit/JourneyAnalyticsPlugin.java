package io.itinera.cockpit;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin;
import org.camunda.bpm.webapp.plugin.resource.PluginResourceOverride;

/**
 * Registers journey analytics with Cockpit (found through {@code META-INF/services}): its REST
 * resource, and its client module, which Cockpit loads from {@code plugin-webapp/itinera-journeys/app/plugin.js}.
 * It implements the SPI itself rather than extending Camunda's {@code ..impl..} base class.
 */
public class JourneyAnalyticsPlugin implements CockpitPlugin {

  static final String ID = "itinera-journeys";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(JourneyAnalyticsRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }

  @Override
  public List<PluginResourceOverride> getResourceOverrides() {
    return List.of();
  }

  /** No MyBatis queries of its own: the counts come from the engine's statistics queries and our tables. */
  @Override
  public List<String> getMappingFiles() {
    return List.of();
  }
}
