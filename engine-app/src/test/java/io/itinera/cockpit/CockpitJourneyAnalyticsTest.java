package io.itinera.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.HeadlessChromium;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The journey analytics plugin in a real browser (Debian's chromium, headless, loopback only): an
 * admin logs into Cockpit, opens the cart abandonment journey, and reads on its diagram and in its
 * Journey tab the counts that {@code /api/journeys/{key}/stats} gives.
 */
@ItineraAppTest
class CockpitJourneyAnalyticsTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;

  private ApiClient api;
  private WebDriver browser;

  @BeforeEach
  void setUp() {
    assumeTrue(HeadlessChromium.installed(),
        "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
    EngineTime.freeze();
    browser = HeadlessChromium.start();
  }

  @AfterEach
  void tearDown() {
    if (browser != null) {
      browser.quit();
    }
    EngineTime.reset();
  }

  @Test
  void showsEachStepsCountsOnTheDiagramAndTheFunnelInTheJourneyTab() throws IOException {
    // given: one run given an offer by the A/B split, one that bought during the first wait, one
    // held before the asynchronous reminder
    var offered = api.track(contact(), "cart_abandoned", Map.of("total", 35))
        .at("/started/0/processInstanceId").asText();
    EngineTime.advance(Duration.ofMinutes(61));
    EngineJobs.runDue(management, offered);
    EngineTime.advance(Duration.ofHours(25));
    EngineJobs.runDue(management, offered);
    var buyer = contact();
    api.track(buyer, "cart_abandoned", Map.of("total", 59.9));
    api.track(buyer, "purchase", Map.of("orderId", "o-" + buyer, "revenue", 59.9));
    var browsing = contact();
    var held = api.track(browsing, "cart_abandoned", Map.of("total", 20)).at("/started/0/processInstanceId").asText();
    EngineTime.advance(Duration.ofMinutes(61));
    management.executeJob(management.createJobQuery().processInstanceId(held).timers().singleResult().getId());
    var stats = api.get("/api/journeys/{key}/stats", "cart-abandonment").getBody();
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey("cart-abandonment")
        .latestVersion().singleResult();

    // when
    logIntoCockpit();
    browser.get(cockpit() + "#/process-definition/" + definition.getId() + "/runtime");

    // then
    var wait = new WebDriverWait(browser, PATIENCE).withMessage(this::browserConsole);
    for (var step : new String[] {"Timer_Wait1Hour", "Task_SendReminder", "EndEvent_Purchased"}) {
      // Cockpit hides the overlays while it fits the diagram into view: wait until they show.
      wait.until(ExpectedConditions.visibilityOfElementLocated(overlay(step, "reached")));
      for (var count : new String[] {"reached", "waiting", "failed", "skipped"}) {
        assertThat(browser.findElement(overlay(step, count)).getText())
            .as("%s %s", step, count).isEqualTo(String.valueOf(value(stats, step, count)));
      }
    }
    assertThat(value(stats, "Task_SendReminder", "waiting")).isPositive();
    var experiment = api.get("/api/experiments/{name}", "cart-offer").getBody();
    for (var variant : experiment.get("variants")) {
      assertThat(browser.findElement(By.cssSelector(".itinera-step[data-step='Task_SplitOffer'] "
          + ".itinera-variant[data-variant='" + variant.get("variant").asText() + "']")).getDomAttribute("data-participants"))
          .isEqualTo(variant.get("participants").asText());
    }
    screenshot("cockpit-journey-diagram.png");

    browser.findElement(By.linkText("Journey")).click();
    var entries = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".itinera-summary [data-count='entries']")));
    assertThat(entries.getText()).isEqualTo(stats.get("entries").asText());
    assertThat(browser.findElement(By.cssSelector(".itinera-summary [data-count='conversions']")).getText())
        .isEqualTo(stats.get("conversions").asText());
    assertThat(browser.findElements(By.cssSelector(".itinera-funnel tbody tr")))
        .extracting(row -> row.getDomAttribute("data-step"))
        .startsWith("StartEvent_CartAbandoned", "Timer_Wait1Hour", "Task_SendReminder");
    screenshot("cockpit-journey-tab.png");
  }

  private void logIntoCockpit() {
    browser.get(cockpit());
    var wait = new WebDriverWait(browser, PATIENCE);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name='signinForm'] input[type='text']")))
        .sendKeys(ItineraAppTest.ADMIN);
    browser.findElement(By.cssSelector("form[name='signinForm'] input[type='password']"))
        .sendKeys(ItineraAppTest.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
  }

  /** What the page logged, and a screenshot of it, so that a failure shows what the browser saw. */
  private String browserConsole() {
    try {
      screenshot("cockpit-failure.png");
    } catch (IOException | RuntimeException unavailable) {
      // the log below is still worth having
    }
    var console = new StringBuilder("browser console at ").append(browser.getCurrentUrl()).append(':');
    browser.manage().logs().get(LogType.BROWSER).forEach(entry -> console.append('\n').append(entry));
    return console.toString();
  }

  private String cockpit() {
    return "http://127.0.0.1:" + port + "/camunda/app/cockpit/default/";
  }

  private static By overlay(String step, String count) {
    return By.cssSelector(".itinera-step[data-step='" + step + "'] .itinera-runs [data-count='" + count + "']");
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private String contact() {
    var id = "c-" + UUID.randomUUID();
    api.put("/api/contacts/{id}", Map.of("email", id + "@example.com"), id);
    return id;
  }

  private static long value(JsonNode stats, String step, String field) {
    for (var node : stats.get("steps")) {
      if (node.get("activityId").asText().equals(step)) {
        return node.get(field).asLong();
      }
    }
    throw new AssertionError("No step " + step + " in " + stats);
  }
}
