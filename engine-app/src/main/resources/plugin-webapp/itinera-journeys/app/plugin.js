// Itinera journey analytics in Cockpit (Camunda 7 plugin API, a plain ES module: no build step).
// Counts come from this plugin's Cockpit resource, which answers with the same statistics as
// GET /api/journeys/{key}/stats, behind Cockpit's own login.

const PLUGIN = "itinera-journeys";

// Cockpit's api.engine is not the engine's name on every plugin point; the page's path always has it.
function engineOnPage() {
  const match = window.location.pathname.match(/\/app\/cockpit\/([^/]+)/);
  return match ? match[1] : "default";
}

function statsUrl(api, processDefinitionId) {
  const definition = encodeURIComponent(processDefinitionId);
  return `${api.cockpitApi}/plugin/${PLUGIN}/${engineOnPage()}/process-definition/${definition}`;
}

async function load(api, processDefinitionId) {
  const response = await fetch(statsUrl(api, processDefinitionId), {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
  if (!response.ok) {
    throw new Error(`Journey statistics answered ${response.status}`);
  }
  return response.json();
}

// The diagram plugin point is given the definition's key on some pages; the address always names the id.
function definitionIdOnPage(given) {
  const match = window.location.hash.match(/#\/process-definition\/([^/?]+)/);
  return match ? decodeURIComponent(match[1]) : given;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function percent(part, whole) {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : "–";
}

function points(rate) {
  return `${rate >= 0 ? "+" : ""}${(100 * rate).toFixed(1)} pts`;
}

// "12 reached · 3 waiting" (on the diagram one per line), each number in a span named by what it
// counts, so that tests and styles find it.
function counts(className, entries) {
  const line = element("div", className);
  entries.forEach(([name, value, suffix], index) => {
    if (index > 0) {
      line.append(element("span", "itinera-separator", " · "));
    }
    const count = element("span", "itinera-count", String(value));
    count.dataset.count = name;
    const entry = element("span", "itinera-entry");
    entry.append(count, ` ${suffix || name}`);
    line.append(entry);
  });
  return line;
}

function isSendStep(step) {
  return step.sent + step.skipped + step.opened + step.clicked > 0;
}

function emailLine(step) {
  return counts("itinera-email", [
    ["sent", step.sent],
    ["opened", step.opened, `opened (${percent(step.opened, step.sent)})`],
    ["clicked", step.clicked, `clicked (${percent(step.clicked, step.sent)})`],
  ]);
}

function experimentLines(report) {
  const box = element("div", "itinera-experiment");
  box.dataset.experiment = report.experiment;
  box.append(element("div", "itinera-experiment-title",
    `${report.experiment}: ${report.winner ? `winner ${report.winner}` : report.status}`));
  report.variants.forEach((variant) => {
    let text = `${variant.variant}: ${percent(variant.conversions, variant.participants)} of `;
    if (variant.variant === report.control) {
      text = `${text}${variant.participants} (control)`;
    } else if (variant.differenceToControl === null || variant.differenceToControl === undefined) {
      text = `${text}${variant.participants}, no comparison yet`;
    } else {
      const [low, high] = variant.confidenceInterval95;
      text = `${text}${variant.participants}, ${points(variant.differenceToControl)}`
        + ` (95% CI ${points(low)} to ${points(high)})${variant.significant ? ", significant" : ""}`;
    }
    const line = element("div", "itinera-variant", text);
    line.dataset.variant = variant.variant;
    line.dataset.participants = String(variant.participants);
    box.append(line);
  });
  return box;
}

function stepOverlay(step, experiments) {
  const box = element("div", "itinera-step");
  box.dataset.step = step.activityId;
  box.append(counts("itinera-runs", [
    ["reached", step.reached],
    ["waiting", step.waiting],
    ["failed", step.failed],
    ["skipped", step.skipped],
  ]));
  if (isSendStep(step)) {
    box.append(emailLine(step));
  }
  if (step.experiment && experiments[step.experiment]) {
    box.append(experimentLines(experiments[step.experiment]));
  }
  return box;
}

function drawOverlays(viewer, journey) {
  const overlays = viewer.get("overlays");
  const registry = viewer.get("elementRegistry");
  overlays.remove({ type: PLUGIN });
  journey.stats.steps
    .filter((step) => registry.get(step.activityId))
    .forEach((step) => {
      overlays.add(step.activityId, PLUGIN, {
        position: { top: -6, left: 0 },
        html: stepOverlay(step, journey.experiments),
      });
    });
}

function summary(stats) {
  const box = element("div", "itinera-summary");
  box.append(counts("itinera-totals", [
    ["entries", stats.entries],
    ["active", stats.active],
    ["conversions", stats.conversions, `conversions (${percent(stats.conversions, stats.entries)})`],
  ]));
  const revenue = element("div", "itinera-revenue", "Revenue: ");
  const amount = element("span", "itinera-count", Number(stats.revenue).toFixed(2));
  amount.dataset.count = "revenue";
  revenue.append(amount);
  box.append(revenue);
  const exits = Object.entries(stats.exits);
  if (exits.length > 0) {
    box.append(counts("itinera-exits", exits.map(([outcome, runs]) => [outcome, runs, outcome.toLowerCase()])));
  }
  return box;
}

function funnel(stats) {
  const table = element("table", "table table-condensed itinera-funnel");
  const head = element("tr");
  ["Step", "Reached", "of entries", "Waiting", "Failed", "Skipped", "Sent", "Opened", "Clicked"]
    .forEach((title) => head.append(element("th", null, title)));
  table.append(element("thead"));
  table.tHead.append(head);
  const body = element("tbody");
  stats.steps.forEach((step) => {
    const row = element("tr");
    row.dataset.step = step.activityId;
    const bar = element("td", "itinera-bar-cell");
    const fill = element("div", "itinera-bar");
    fill.style.width = stats.entries > 0 ? `${Math.min(100, (100 * step.reached) / stats.entries)}%` : "0";
    bar.append(fill, element("span", null, percent(step.reached, stats.entries)));
    const email = isSendStep(step);
    row.append(
      element("td", null, step.name || step.activityId),
      Object.assign(element("td", null, String(step.reached)), { title: "runs that reached the step" }),
      bar,
      element("td", null, String(step.waiting)),
      element("td", null, String(step.failed)),
      element("td", null, String(step.skipped)),
      element("td", null, email ? String(step.sent) : ""),
      element("td", null, email ? `${step.opened} (${percent(step.opened, step.sent)})` : ""),
      element("td", null, email ? `${step.clicked} (${percent(step.clicked, step.sent)})` : ""),
    );
    body.append(row);
  });
  table.append(body);
  return table;
}

function showError(node, error) {
  node.replaceChildren(element("div", "alert alert-danger", `Journey statistics unavailable: ${error.message}`));
}

export default [
  {
    id: "itinera-journey-diagram",
    pluginPoint: "cockpit.processDefinition.diagram.plugin",
    priority: 0,
    render: (viewer, { api, processDefinitionId }) => {
      load(api, definitionIdOnPage(processDefinitionId))
        .then((journey) => drawOverlays(viewer, journey))
        .catch((error) => console.error(error));
    },
  },
  {
    id: "itinera-journey-tab",
    pluginPoint: "cockpit.processDefinition.runtime.tab",
    // after Cockpit's own tabs, so that Process Instances stays the one that opens first
    priority: -10,
    properties: { label: "Journey" },
    render: (node, { api, processDefinitionId }) => {
      node.replaceChildren(element("div", "itinera-journey", "Loading journey statistics…"));
      load(api, processDefinitionId)
        .then((journey) => {
          const view = element("div", "itinera-journey");
          view.append(summary(journey.stats), funnel(journey.stats));
          Object.values(journey.experiments).forEach((report) => view.append(experimentLines(report)));
          node.replaceChildren(view);
        })
        .catch((error) => showError(node, error));
    },
  },
];
