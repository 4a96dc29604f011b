package io.itinera;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.itinera.contact.Contacts;
import io.itinera.database.InsertIfAbsent;
import io.itinera.template.EmailTemplates;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rules the compiler does not check: who may touch our tables, which code may know the engine, and
 * that feature packages do not depend on each other in circles. Maven keeps the jars pointing one way
 * (engine-app -> delegates -> templates); these rules keep the packages inside them in order.
 */
class ArchitectureTest {

  private static final JavaClasses ALL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.itinera");
  private static final JavaClasses TEMPLATES = module(EmailTemplates.class);
  private static final JavaClasses DELEGATES = module(Contacts.class);

  /** Each table has one repository that reads and writes it; nobody else runs SQL on it behind its back. */
  @Test
  void onlyRepositoriesRunSql() {
    noClasses().that().areNotAnnotatedWith(Repository.class)
        // The one place where SQL depends on the database: repositories hand it their own table.
        .and().doNotBelongToAnyOf(InsertIfAbsent.class)
        // A simulation world's own in-memory database: the configuration that opens it for the world's
        // repositories, and the tables emptied after each simulation.
        .and().doNotHaveFullyQualifiedName("io.itinera.simulation.SimulationTables")
        .and().doNotHaveFullyQualifiedName("io.itinera.simulation.SimulationWorldConfiguration")
        .should().dependOnClassesThat().belongToAnyOf(JdbcClient.class, JdbcTemplate.class,
            NamedParameterJdbcTemplate.class)
        .check(ALL);
  }

  @Test
  void onlyRepositoriesInsertIfAbsent() {
    noClasses().that().areNotAnnotatedWith(Repository.class).and().doNotBelongToAnyOf(InsertIfAbsent.class)
        .should().dependOnClassesThat().belongToAnyOf(InsertIfAbsent.class)
        .check(ALL);
  }

  /** The renderer is a library of its own: it knows Thymeleaf and its settings, nothing of the domain or the engine. */
  @Test
  void templatesDependOnNothingElseOfOurs() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
        .orShould().dependOnClassesThat(resideInOurPackagesExcept("io.itinera.template"))
        .check(TEMPLATES);
  }

  /**
   * Camunda 7 CE ends with 7.24: keep it at the edges, so moving to a fork touches only them. Our
   * tables' repositories and the signing, tracking and SQL helpers never see the engine.
   */
  @Test
  void repositoriesAndHelpersKnowNoEngine() {
    noClasses().that().areAnnotatedWith(Repository.class)
        .or().resideInAnyPackage("io.itinera.database..", "io.itinera.signing..", "io.itinera.tracking..")
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
        .check(DELEGATES);
  }

  /**
   * The delegate API (DelegateExecution and friends) is for the classes BPMN calls and the classes
   * that read a step's inputs and journey variables, not for domain services.
   */
  @Test
  void onlyStepsSeeTheDelegateApi() {
    noClasses().that().haveSimpleNameNotEndingWith("Delegate")
        .and().haveSimpleNameNotEndingWith("Step")
        .and().haveSimpleNameNotEndingWith("Payload")
        // The simulator listens to every step of a simulated run.
        .and().resideOutsideOfPackages("io.itinera.journey..", "io.itinera.engine..", "io.itinera.simulation..")
        // The send-window bean that timer expressions call: ${sendWindow.next(execution, '09:00')}.
        .and().doNotHaveFullyQualifiedName("io.itinera.timing.SendWindow")
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.delegate..")
        .check(ALL);
  }

  /**
   * The engine's internals (..impl..) change without notice: only the engine plugins, step inputs and
   * the simulator, which builds an engine of its own, use them.
   */
  @Test
  void engineInternalsStayInTheEnginePackages() {
    noClasses().that().resideOutsideOfPackages("io.itinera.engine..", "io.itinera.journey..", "io.itinera.simulation..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..impl..")
        .check(ALL);
  }

  /** The API calls the features and the features never call the API: no package is part of a cycle. */
  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("io.itinera.(*)..").should().beFreeOfCycles().check(ALL);
  }

  private static JavaClasses module(Class<?> member) {
    return new ClassFileImporter().importUrl(member.getProtectionDomain().getCodeSource().getLocation());
  }

  private static DescribedPredicate<JavaClass> resideInOurPackagesExcept(String own) {
    return resideInAPackage("io.itinera..").and(not(resideInAPackage(own + "..")));
  }
}
