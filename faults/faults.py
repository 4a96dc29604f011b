#!/usr/bin/env python3
"""Fault scenarios against the packaged app on PostgreSQL, with a real SMTP server process and a
real HTTP server on loopback. Each scenario prints sent / delivered / duplicated / lost / incidents
and fails on any loss, or on duplicates beyond the documented window (one message per crashed
dispatcher). Every loop is bounded in count and time; all traffic stays on 127.0.0.1.

Usage: faults/run [--short] [scenario ...]   (faults/run --list names them)
"""
import argparse
import base64
import datetime
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILT_JAR = ROOT / "engine-app" / "target" / "itinera.jar"
JAR = BUILT_JAR  # replaced by a copy in the work folder: a build that rewrites the jar must not pull it from under running nodes
PG_HOST = os.environ.get("PGHOST", "127.0.0.1")
PG_PORT = os.environ.get("PGPORT", "5432")
PG_USER = os.environ.get("PGUSER", "postgres")
DATABASE = "itinera_faults"
API_KEY = "fault-api-key"
ADMIN = ("ops", "fault-admin-password")
# The app's default itinera.email.dispatch.connections: a crashed node may send again the message each was sending.
SMTP_CONNECTIONS = 4
SMTP_PORT, WEBHOOK_PORT, NODE_PORTS = 12525, 12580, (18181, 18182)


def log(text):
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def wait_for(condition, seconds, what):
    """Polls condition until it is truthy or the deadline passes; returns its last value."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            if not value:
                log(f"gave up waiting for {what} after {seconds} s")
            return value
        time.sleep(0.5)


def fresh_database():
    subprocess.run(["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", "postgres", "-q", "-v",
                    "ON_ERROR_STOP=1", "-c", f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)",
                    "-c", f"CREATE DATABASE {DATABASE}"], check=True)


class Helper:
    """One of our stand-in servers (faults/FaultSmtp.java, faults/FaultWebhook.java) as its own process."""

    def __init__(self, source, port, state):
        self.state = state
        state.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(["java", str(ROOT / "faults" / source), str(port), str(state)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        self.port = port
        if not wait_for(self.listening, 60, f"{source} on port {port}"):
            raise RuntimeError(f"{source} did not start")

    def listening(self):
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
            return True
        except OSError:
            return False

    def flag(self, name, value=None):
        path = self.state / name
        if value is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(str(value))

    def lines(self, name):
        path = self.state / name
        return [line.split("\t") for line in path.read_text().splitlines()] if path.exists() else []

    def stop(self):
        self.process.kill()
        self.process.wait()


class Node:
    """One engine-app node: the packaged jar on the shared PostgreSQL database."""

    def __init__(self, port, workdir, settings=()):
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = workdir / f"node-{port}.log"
        self.settings = list(settings)
        self.process = None

    def start(self):
        env = dict(os.environ,
                   ITINERA_DB_URL=f"jdbc:postgresql://{PG_HOST}:{PG_PORT}/{DATABASE}", ITINERA_DB_USER=PG_USER,
                   ITINERA_ADMIN_USER=ADMIN[0], ITINERA_ADMIN_PASSWORD=ADMIN[1],
                   ITINERA_API_KEYS=API_KEY, ITINERA_TRACKING_SECRET="fault-tracking-secret-0123456789",
                   ITINERA_PUSH_VAPID_GENERATE="true",
                   ITINERA_WEBHOOK_SECRET="fault-webhook-secret", SPRING_MAIL_HOST="127.0.0.1",
                   SPRING_MAIL_PORT=str(SMTP_PORT),
                   ITINERA_WEBHOOK_URLS_CRM=f"http://127.0.0.1:{WEBHOOK_PORT}/crm",
                   ITINERA_WEBHOOK_ALLOWED_HOSTS=f"127.0.0.1:{WEBHOOK_PORT}")
        args = ["java", "-Xmx1g", "-jar", str(JAR), f"--server.port={self.port}",
                # Quiet hours would hold the emails whatever time of day the scenario runs.
                "--itinera.send-window.quiet-hours-start=00:00", "--itinera.send-window.quiet-hours-end=00:00",
                "--itinera.channels.frequency-rules[0].name=faults", "--itinera.channels.frequency-rules[0].max=1000",
                "--itinera.channels.frequency-rules[0].days=7", "--itinera.channels.spacing.email=PT0S",
                *self.settings]
        self.process = subprocess.Popen(args, env=env, stdout=open(self.log_path, "ab"), stderr=subprocess.STDOUT)
        return self

    def ready(self, seconds=300):
        def up():
            if self.process.poll() is not None:
                raise RuntimeError(f"node {self.port} exited during start-up; see {self.log_path}")
            try:
                return self.call("GET", "/actuator/health/readiness", auth=None)[0] == 200
            except OSError:
                return False
        if not wait_for(up, seconds, f"node {self.port} to be ready"):
            raise RuntimeError(f"node {self.port} not ready after {seconds} s; see {self.log_path}")
        return self

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()

    def call(self, method, path, body=None, auth="api", timeout=60):
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if auth == "api":
            headers["Authorization"] = f"Bearer {API_KEY}"
        elif auth == "admin":
            headers["Authorization"] = "Basic " + base64.b64encode(f"{ADMIN[0]}:{ADMIN[1]}".encode()).decode()
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                text = response.read().decode()
                return response.status, json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            text = error.read().decode()
            try:
                return error.code, json.loads(text) if text else None
            except ValueError:
                return error.code, text

    def incidents(self):
        return self.call("GET", "/engine-rest/incident/count", auth="admin")[1]["count"]


def signup(index, run):
    contact = f"fault-{run}-{index}"
    return {"contactId": contact, "type": "signup", "messageId": f"signup-{run}-{index}",
            "properties": {"source": "website", "email": f"{contact}@example.com"}}


def send_events(nodes, events, batch_size=50, seconds=600):
    """Sends every event through the batch API, resending a batch with the same message ids until a
    node acknowledged it (a killed node acknowledges nothing); returns how many were acknowledged."""
    acknowledged = 0
    deadline = time.monotonic() + seconds
    for start in range(0, len(events), batch_size):
        batch = events[start:start + batch_size]
        attempt = 0
        while time.monotonic() < deadline:
            node = nodes[attempt % len(nodes)]
            attempt += 1
            try:
                status, answer = node.call("POST", "/api/events/batch", {"batch": batch})
                if status == 200 and all("problem" not in result for result in answer["results"]):
                    acknowledged += len(batch)
                    break
                log(f"batch at {start} answered {status}: {str(answer)[:200]}")
            except OSError:
                pass
            time.sleep(0.5)
    return acknowledged


class Tally:
    """What the SMTP server received against what was sent: per recipient, one welcome email each."""

    def __init__(self, smtp, expected_recipients):
        self.smtp = smtp
        self.expected = set(expected_recipients)

    def received(self):
        return [to for _, to in self.smtp.lines("received.tsv") if to in self.expected]

    def complete(self):
        return set(self.received()) >= self.expected

    def figures(self):
        received = self.received()
        delivered = len(set(received))
        return {"sent": len(self.expected), "delivered": delivered, "duplicated": len(received) - delivered,
                "lost": len(self.expected - set(received))}


RESULTS = []


def report(name, figures, allowed_duplicates, incidents=0, extra="", problem=None):
    """problem: what else went wrong, if anything; it fails the scenario."""
    figures = dict(figures, incidents=incidents)
    ok = figures["lost"] == 0 and figures["duplicated"] <= allowed_duplicates and incidents == 0 and not problem
    extra = ", ".join(part for part in (extra, problem) if part)
    line = (f"{name}: sent {figures['sent']}, delivered {figures['delivered']}, duplicated {figures['duplicated']}"
            f" (allowed {allowed_duplicates}), lost {figures['lost']}, incidents {incidents}"
            f"{', ' + extra if extra else ''} -> {'ok' if ok else 'FAILED'}")
    log(line)
    RESULTS.append((name, ok, line))


# ---------------------------------------------------------------------------------------- scenarios

def kill_during_intake(work, short):
    """kill -9 while signups pour in; the client resends what was not acknowledged; one welcome email each."""
    count = 300 if short else 2000
    smtp = Helper("FaultSmtp.java", SMTP_PORT, work / "smtp")
    # The jobs the killed node had locked come back after the job lock time (5 minutes by default);
    # the short version shortens it so that CI does not wait that long.
    settings = ["--camunda.bpm.job-execution.lock-time-in-millis=60000"] if short else []
    node = Node(NODE_PORTS[0], work, settings).start().ready()
    try:
        events = [signup(i, "intake") for i in range(count)]
        tally = Tally(smtp, [e["properties"]["email"] for e in events])
        sender = threading.Thread(target=lambda: send_events([node], events))
        sender.start()
        time.sleep(3 if short else 10)
        log("kill -9 during intake")
        node.kill()
        node.start().ready()
        sender.join(900)
        wait_for(tally.complete, 300, "every welcome email")
        report("kill -9 during intake", tally.figures(), allowed_duplicates=1, incidents=node.incidents())
    finally:
        node.stop()
        smtp.stop()


def kill_during_dispatch(work, short):
    """kill -9 while the dispatcher is sending; its claims return after one lease; at most one duplicate per
    SMTP connection (the app's default itinera.email.dispatch.connections), the message each was sending."""
    count = 200 if short else 2000
    smtp = Helper("FaultSmtp.java", SMTP_PORT, work / "smtp")
    smtp.flag("delay-ms", 20)
    node = Node(NODE_PORTS[0], work, ["--itinera.email.dispatch.lease=PT10S"]).start().ready()
    try:
        events = [signup(i, "dispatch") for i in range(count)]
        tally = Tally(smtp, [e["properties"]["email"] for e in events])
        send_events([node], events)
        wait_for(lambda: len(tally.received()) >= count // 4, 300, "a quarter of the emails")
        log(f"kill -9 during dispatch, after {len(tally.received())} deliveries")
        node.kill()
        node.start().ready()
        wait_for(tally.complete, 600, "every welcome email")
        report("kill -9 during dispatch", tally.figures(), allowed_duplicates=SMTP_CONNECTIONS,
               incidents=node.incidents())
    finally:
        node.stop()
        smtp.stop()


def two_nodes_slow_smtp(work, short):
    """Two nodes, an SMTP server taking seconds per message, many emails due at once: each sent once."""
    count, delay = (20, 1000) if short else (60, 7000)
    smtp = Helper("FaultSmtp.java", SMTP_PORT, work / "smtp")
    smtp.flag("refuse", "")
    nodes = [Node(port, work).start() for port in NODE_PORTS]
    try:
        for node in nodes:
            node.ready()
        events = [signup(i, "slow") for i in range(count)]
        tally = Tally(smtp, [e["properties"]["email"] for e in events])
        send_events(nodes, events)
        # Let every email be queued before the server answers, so all are due at once.
        wait_for(lambda: queued(nodes[0]) >= count, 120, "every email queued")
        smtp.flag("delay-ms", delay)
        smtp.flag("refuse")
        wait_for(tally.complete, count * delay / 1000 + 240, "every email")
        report(f"two nodes, SMTP {delay} ms a message", tally.figures(), allowed_duplicates=0,
               incidents=nodes[0].incidents())
    finally:
        for node in nodes:
            node.stop()
        smtp.stop()


def passed(node, activity, finished=False):
    """How many runs reached (or, with finished, completed) this activity, as the engine's history has it."""
    query = f"activityId={activity}" + ("&finished=true" if finished else "")
    status, answer = node.call("GET", f"/engine-rest/history/activity-instance/count?{query}", auth="admin")
    return answer["count"] if status == 200 else 0


def queued(node):
    """Emails in the outbox, from the engine's view of the runs that queued them: welcome steps done."""
    return passed(node, "Task_SendWelcomeEmail", finished=True)


def smtp_outage(work, short):
    """The SMTP server refuses, then returns: every email once; health shows mail degraded, the node stays up."""
    count, outage = (50, 10) if short else (500, 120)
    smtp = Helper("FaultSmtp.java", SMTP_PORT, work / "smtp")
    node = Node(NODE_PORTS[0], work, ["--itinera.email.dispatch.first-retry=PT5S"]).start().ready()
    try:
        smtp.flag("refuse", "")
        events = [signup(i, "outage") for i in range(count)]
        tally = Tally(smtp, [e["properties"]["email"] for e in events])
        send_events([node], events)
        time.sleep(outage)
        status, health = node.call("GET", "/actuator/health", auth=None)
        mail = (health or {}).get("components", {}).get("mail", {}).get("status") if isinstance(health, dict) else None
        smtp.flag("refuse")
        wait_for(tally.complete, 600, "every email after the outage")
        healthy = status == 200 and mail == "DEGRADED"
        report(f"SMTP refusing for {outage} s", tally.figures(), allowed_duplicates=0, incidents=node.incidents(),
               extra=f"health during the outage: {status}, mail {mail}",
               problem=None if healthy else "health should have been 200 with mail DEGRADED")
    finally:
        node.stop()
        smtp.stop()


def webhook_failing_then_recovering(work, short):
    """The CRM answers 503 until its step is an incident; ops retry it; each order reaches the CRM once."""
    count = 3 if short else 10
    smtp = Helper("FaultSmtp.java", SMTP_PORT, work / "smtp")
    crm = Helper("FaultWebhook.java", WEBHOOK_PORT, work / "crm")
    crm.flag("webhook-fail", "")
    node = Node(NODE_PORTS[0], work).start().ready()
    try:
        events = [signup(i, "crm") for i in range(count)]
        send_events([node], events)
        purchases = [{"contactId": e["contactId"], "type": "purchase", "messageId": f"purchase-{i}",
                      "properties": {"orderId": f"order-{i}", "total": 42.5}} for i, e in enumerate(events)]
        send_events([node], purchases)

        def all_incidents():
            for job in failing_crm_jobs(node):
                if job["retries"] > 0:
                    # The retry cycle waits minutes to hours: make the next attempt due now, as time passing would.
                    node.call("PUT", f"/engine-rest/job/{job['id']}/duedate", {"duedate": engine_now()}, auth="admin")
            return node.incidents() >= count
        wait_for(all_incidents, 300, "an incident on every CRM step")
        incidents = node.incidents()
        crm.flag("webhook-fail")
        for job in failing_crm_jobs(node):
            node.call("PUT", f"/engine-rest/job/{job['id']}/retries", {"retries": 1}, auth="admin")

        def delivered():
            return {key for key, status in crm.lines("webhooks.tsv") if status == "200"}
        wait_for(lambda: len(delivered()) >= count and node.incidents() == 0 and waiting_a_week(node) >= count,
                 120, "every order at the CRM and every run waiting for its review request")
        successes = [key for key, status in crm.lines("webhooks.tsv") if status == "200"]
        figures = {"sent": count, "delivered": len(set(successes)), "duplicated": len(successes) - len(set(successes)),
                   "lost": count - len(set(successes))}
        left = node.incidents()
        report("CRM webhook failing, then retried by ops", figures, allowed_duplicates=0, incidents=left,
               extra=f"{incidents} incidents raised and resolved, {waiting_a_week(node)} runs went on")
    finally:
        node.stop()
        crm.stop()
        smtp.stop()


def failing_crm_jobs(node):
    status, jobs = node.call("GET", "/engine-rest/job?processDefinitionKey=post-purchase&withException=true",
                             auth="admin")
    return jobs if status == 200 else []


def waiting_a_week(node):
    return passed(node, "Timer_Wait7Days")


def engine_now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000+0000")


def concurrent_first_start(work, short):
    """Two nodes started at the same moment on an empty database: both come up, the journeys deploy once."""
    rounds = 1 if short else 3
    failures = 0
    for round_number in range(rounds):
        fresh_database()
        nodes = [Node(port, work).start() for port in NODE_PORTS]
        try:
            for node in nodes:
                try:
                    node.ready()
                except RuntimeError as failed:
                    log(str(failed))
                    failures += 1
            status, definitions = nodes[0].call("GET", "/engine-rest/process-definition?key=welcome-series",
                                                auth="admin")
            versions = len(definitions) if status == 200 else 0
            log(f"round {round_number + 1}: welcome-series deployed in {versions} version(s)")
            if versions != 1:
                failures += 1
        finally:
            for node in nodes:
                node.stop()
    figures = {"sent": rounds * 2, "delivered": rounds * 2 - failures, "duplicated": 0, "lost": failures}
    report("two nodes starting at once on an empty database", figures, allowed_duplicates=0,
           extra=f"{rounds} round(s), nodes that came up: {rounds * 2 - failures} of {rounds * 2}")


SCENARIOS = {
    "concurrent-first-start": concurrent_first_start,
    "kill-during-intake": kill_during_intake,
    "kill-during-dispatch": kill_during_dispatch,
    "two-nodes-slow-smtp": two_nodes_slow_smtp,
    "smtp-outage": smtp_outage,
    "webhook-recovery": webhook_failing_then_recovering,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--short", action="store_true", help="the small version that CI runs")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("scenarios", nargs="*", metavar="scenario")
    options = parser.parse_args()
    if options.list:
        print("\n".join(f"{name}: {function.__doc__}" for name, function in SCENARIOS.items()))
        return 0
    if not BUILT_JAR.exists():
        print(f"{BUILT_JAR} is missing: build it with ./mvnw -DskipTests package", file=sys.stderr)
        return 2
    unknown = [name for name in options.scenarios if name not in SCENARIOS]
    if unknown:
        print(f"unknown scenario {', '.join(unknown)}; --list names them", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="itinera-faults-"))
    log(f"logs under {work}")
    global JAR
    JAR = work / "itinera.jar"
    shutil.copyfile(BUILT_JAR, JAR)
    for name in options.scenarios or list(SCENARIOS):
        log(f"--- {name}")
        (work / name).mkdir(parents=True)
        fresh_database()
        try:
            SCENARIOS[name](work / name, options.short)
        except Exception as failed:  # a scenario that breaks is a failed scenario, and the others still run
            RESULTS.append((name, False, f"{name}: FAILED: {failed}"))
            log(f"{name} FAILED: {failed}")
    print("\n=== fault scenarios ===")
    for _, _, line in RESULTS:
        print(line)
    passed = sum(1 for _, ok, _ in RESULTS if ok)
    print(f"faults: {passed} passed, {len(RESULTS) - passed} failed")
    return 0 if passed == len(RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
