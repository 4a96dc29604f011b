package io.itinera.engine;

import java.io.IOException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys the classpath journeys once every bean exists, rather than while the engine is built as the
 * starter would: the journey check needs the step beans and our tables, which stand on the engine.
 * Same resources, deployment name and duplicate filtering as the starter, so an unchanged journey is
 * not deployed again. Still before the web server and the job executor start.
 */
@Component
class ClasspathJourneysDeployment extends AbstractProcessEnginePlugin implements SmartInitializingSingleton {

  private final ObjectProvider<RepositoryService> repository;
  private Resource[] resources = new Resource[0];
  private String name;
  private String tenantId;
  private boolean changedOnly;

  ClasspathJourneysDeployment(ObjectProvider<RepositoryService> repository) {
    this.repository = repository;
  }

  /** After every plugin's preInit, where the starter hands the engine the resources to deploy. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration instanceof SpringTransactionsProcessEngineConfiguration spring
        && spring.getDeploymentResources() != null) {
      resources = spring.getDeploymentResources();
      name = spring.getDeploymentName();
      tenantId = spring.getDeploymentTenantId();
      changedOnly = spring.isDeployChangedOnly();
      spring.setDeploymentResources(new Resource[0]);
    }
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (resources.length == 0) {
      return;
    }
    var deployment = repository.getObject().createDeployment().enableDuplicateFiltering(changedOnly).name(name)
        .tenantId(tenantId);
    for (var resource : resources) {
      try (var content = resource.getInputStream()) {
        deployment.addInputStream(resourceName(resource), content);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the journey " + resource.getDescription(), e);
      }
    }
    deployment.deploy();
  }

  /** As the starter names them, so that duplicate filtering compares with what it deployed before. */
  private static String resourceName(Resource resource) {
    if (resource instanceof ContextResource context) {
      return context.getPathWithinContext();
    }
    try {
      return resource.getFile().getAbsolutePath();
    } catch (IOException | UnsupportedOperationException inJar) {
      return resource.getFilename();
    }
  }
}
