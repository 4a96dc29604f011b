package io.itinera.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (the app, and with it the benchmark's client and GreenMail) and by the local
 * PostgreSQL server's processes, read from {@code /proc} (Linux, the database on this machine). A phase's CPU
 * per run hardly depends on what else the two cores were doing, unlike its rate: on this machine the rates of
 * one benchmark swing by a third between runs.
 */
record CpuTime(long jvmNanos, long postgresTicks) {

  /** Linux counts process times in USER_HZ ticks, 100 a second on every mainstream architecture. */
  private static final double TICKS_PER_MILLISECOND = 0.1;
  private static final Path PROC = Path.of("/proc");

  /** {@code withPostgres}: whether the benchmark runs on this machine's PostgreSQL (not on H2 in the JVM). */
  static CpuTime now(boolean withPostgres) {
    var jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return new CpuTime(jvm, withPostgres ? postgresTicksNow() : -1);
  }

  /** CPU milliseconds per run from {@code before} to now, in this JVM and in PostgreSQL. */
  String since(CpuTime before, int runs) {
    var jvm = (jvmNanos - before.jvmNanos) / 1e6 / runs;
    return postgresTicks < 0 ? String.format(Locale.ROOT, "CPU per run: this JVM %.2f ms", jvm)
        : String.format(Locale.ROOT, "CPU per run: this JVM %.2f ms, PostgreSQL %.2f ms", jvm,
            (postgresTicks - before.postgresTicks) / TICKS_PER_MILLISECOND / runs);
  }

  /** User and system ticks of every process named postgres; -1 where there is no {@code /proc}. */
  private static long postgresTicksNow() {
    if (!Files.isDirectory(PROC)) {
      return -1;
    }
    try (Stream<Path> processes = Files.list(PROC)) {
      return processes.filter(process -> process.getFileName().toString().chars().allMatch(Character::isDigit))
          .mapToLong(CpuTime::ticksIfPostgres)
          .sum();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static long ticksIfPostgres(Path process) {
    final String stat;
    try {
      stat = Files.readString(process.resolve("stat"));
    } catch (IOException ended) {
      return 0;
    }
    // pid (comm) state ppid ...: comm may hold spaces and parentheses, so it ends at the last ')'.
    var name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (!name.equals("postgres")) {
      return 0;
    }
    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
