package io.itinera.simulation;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.itinera.contact.Contacts;
import io.itinera.contact.EngagementScoring;
import io.itinera.contact.Suppressions;
import io.itinera.email.Outbox;
import io.itinera.event.ContactEvents;
import io.itinera.event.EventIntake;
import io.itinera.journey.DeploymentGeneration;
import io.itinera.journey.RetiredVersions;
import io.itinera.segment.Segments;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The beans of one simulation world: the domain's real components (every step, the router, the
 * intake, the repositories) on an in-memory H2 database of their own and an engine of their own
 * that has no job executor and reads time from the {@link SimulatedClock}. Left out: the outbox
 * dispatchers, the SMSC session and the push keys (nothing is sent), the content rewards schedule (nothing
 * is opened, so a simulated send's variants start from the world's own cold start), the HTTP webhook client
 * (requests are recorded), and the app's journey catalogue (only the simulated journey starts). Deliberately
 * not a {@code @Configuration}:
 * the app's component scan must not pick it up; {@link SimulationWorlds} registers it in a context
 * of its own.
 */
@ComponentScan(basePackages = {"io.itinera.analytics", "io.itinera.audience", "io.itinera.catalogue",
    "io.itinera.channel", "io.itinera.contact", "io.itinera.content", "io.itinera.controlgroup", "io.itinera.database",
    "io.itinera.email", "io.itinera.event", "io.itinera.experiment", "io.itinera.journey", "io.itinera.outbox",
    "io.itinera.preference", "io.itinera.push", "io.itinera.segment", "io.itinera.signing", "io.itinera.sms",
    "io.itinera.timing", "io.itinera.tracking", "io.itinera.webhook"},
    excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
        "io\\.itinera\\.email\\.Outbox(Dispatcher|Schedule)", "io\\.itinera\\.content\\.ContentSchedule",
        "io\\.itinera\\.sms\\.(SmsDispatcher|SmsSchedule|SmscSession|SmsDeliveries)",
        "io\\.itinera\\.push\\.(PushDispatcher|PushSchedule|PushHttp|VapidKeys|VapidKeyStore)",
        "io\\.itinera\\.journey\\.JourneyCatalog", "io\\.itinera\\.webhook\\.WebhookClient"}))
@ComponentScan(basePackages = "io.itinera.engine", useDefaultFilters = false,
    includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "io\\.itinera\\.engine\\.(JourneyExpressionsPlugin|JourneyEnrolmentPlugin|RejectedStepsFailAtOnce"
            + "|ConditionsNameTheirGateway)"))
class SimulationWorldConfiguration {

  @Bean(destroyMethod = "close")
  HikariDataSource simulationDataSource() {
    var config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:itinera-simulation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setMaximumPoolSize(4);
    config.setPoolName("simulation");
    return new HikariDataSource(config);
  }

  @Bean
  PlatformTransactionManager simulationTransactions(DataSource dataSource) {
    return new DataSourceTransactionManager(dataSource);
  }

  @Bean
  TransactionTemplate simulationTransactionTemplate(PlatformTransactionManager transactions) {
    return new TransactionTemplate(transactions);
  }

  @Bean
  JdbcClient simulationJdbc(DataSource dataSource) {
    return JdbcClient.create(dataSource);
  }

  /** The world's own meters: what a simulated run does never shows in the app's metrics. */
  @Bean
  MeterRegistry simulationMetrics() {
    return new SimpleMeterRegistry();
  }

  @Bean
  SimulatedClock simulatedClock() {
    return new SimulatedClock();
  }

  @Bean
  RecordedWebhooks recordedWebhooks() {
    return new RecordedWebhooks();
  }

  @Bean
  StepRecorder stepRecorder(Outbox outbox, Contacts contacts, Segments segments, RecordedWebhooks webhooks,
      SimulatedClock clock) {
    return new StepRecorder(outbox, contacts, segments, webhooks, clock);
  }

  @Bean(destroyMethod = "close")
  ProcessEngine simulationEngine(DataSource dataSource, PlatformTransactionManager transactions, SimulatedClock clock,
      StepRecorder recorder, List<ProcessEnginePlugin> plugins, ApplicationContext world) {
    var configuration = new SpringProcessEngineConfiguration();
    configuration.setApplicationContext(world);
    configuration.setProcessEngineName("itinera-simulation-" + UUID.randomUUID());
    configuration.setDataSource(dataSource);
    configuration.setTransactionManager(transactions);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setJobExecutorActivate(false);
    configuration.setAuthorizationEnabled(false);
    configuration.setMetricsEnabled(false);
    configuration.setDbMetricsReporterActivate(false);
    // Runs are followed by the step listeners; the enrolment needs only the history events, not their rows.
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(new ArrayList<HistoryEventHandler>(List.of(new SimulatedRunTimes(clock))));
    configuration.setBusinessCalendarManager(new SimulatedCalendars(clock));
    configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>(List.of(recorder)));
    configuration.setDefaultSerializationFormat("application/json");
    var all = new ArrayList<ProcessEnginePlugin>(plugins);
    all.add(new SpinProcessEnginePlugin());
    configuration.setProcessEnginePlugins(all);
    var engine = configuration.buildProcessEngine();
    // Engines register themselves JVM-wide, where the engine REST API would find and serve this one.
    ProcessEngines.unregister(engine);
    return engine;
  }

  @Bean
  Flyway simulationSchema(DataSource dataSource, ProcessEngine engine) {
    var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .baselineOnMigrate(true).baselineVersion("0").load();
    flyway.migrate();
    return flyway;
  }

  @Bean
  RuntimeService simulationRuntime(ProcessEngine engine) {
    return engine.getRuntimeService();
  }

  @Bean
  RepositoryService simulationRepository(ProcessEngine engine) {
    return engine.getRepositoryService();
  }

  @Bean
  ManagementService simulationManagement(ProcessEngine engine) {
    return engine.getManagementService();
  }

  @Bean
  org.camunda.bpm.engine.HistoryService simulationHistory(ProcessEngine engine) {
    return engine.getHistoryService();
  }

  @Bean
  SimulatedJourneyCatalog simulatedJourneyCatalog(RepositoryService repository, DeploymentGeneration deployments,
      RetiredVersions retired) {
    return new SimulatedJourneyCatalog(repository, deployments, retired);
  }

  @Bean
  SyntheticContacts syntheticContacts(Contacts contacts, ContactEvents events, Segments segments,
      Suppressions suppressions, EngagementScoring scoring, ObjectMapper json) {
    return new SyntheticContacts(contacts, events, segments, suppressions, scoring, json);
  }

  @Bean
  SimulationRunner simulationRunner(Flyway schema, RuntimeService runtime, ManagementService management,
      RepositoryService repository, EventIntake intake, Contacts contacts, Segments segments,
      EngagementScoring scoring, SyntheticContacts syntheticContacts, SimulatedJourneyCatalog catalog,
      StepRecorder recorder, SimulatedClock clock, JdbcClient jdbc, TransactionTemplate transaction) {
    return new SimulationRunner(runtime, management, repository, intake, contacts, segments, scoring,
        syntheticContacts, catalog, recorder, clock, new SimulationTables(jdbc), transaction);
  }
}
