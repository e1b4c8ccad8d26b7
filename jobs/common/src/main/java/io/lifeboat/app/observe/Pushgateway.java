package io.lifeboat.app.observe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pushes a run's figures to a Prometheus Pushgateway, grouped by {@code job="lifeboat"}, {@code
 * kind} and {@code scope} (base64url in the path, since a scope holds a {@code /}).
 *
 * <p>It POSTs, so only the metrics it sends are replaced in the group: a failed run leaves the last
 * success's timestamp and size in place. A Pushgateway cannot add, so {@code
 * lifeboat_backup_failures_total} is read back from the gateway and sent plus one; two runs of the
 * same scope failing at the same instant may count once. Skipped runs push nothing: the run that
 * owns the slot reports it. A prune or a restore reports to the same group as {@code
 * lifeboat_prune_*} or {@code lifeboat_restore_*} (no bytes), so they never replace a backup's.
 */
public final class Pushgateway {
  static String metric(RunReport report, String name) {
    return "lifeboat_" + report.task().segment() + "_" + name;
  }

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;

  public Pushgateway(URI base, Duration timeout) {
    this.base = URI.create(base.toString().replaceAll("/+$", ""));
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Sends the report's metrics; throws when the gateway does not answer 2xx. */
  public void push(RunReport report, Instant now) throws IOException, InterruptedException {
    if (report.outcome() == RunReport.Outcome.SKIPPED) {
      return;
    }
    long failures = currentFailures(report) + (report.committed() ? 0 : 1);
    HttpRequest request =
        HttpRequest.newBuilder(groupUri(report))
            .timeout(timeout)
            .header("Content-Type", "text/plain; version=0.0.4")
            .POST(HttpRequest.BodyPublishers.ofString(exposition(report, failures, now)))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("pushgateway " + request.uri() + " answered " + response.statusCode());
    }
  }

  URI groupUri(RunReport report) {
    String scope =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(report.scope().getBytes(StandardCharsets.UTF_8));
    return URI.create(
        base + "/metrics/job/lifeboat/kind/" + report.kind().segment() + "/scope@base64/" + scope);
  }

  /** The text exposition format (version 0.0.4) of one report; labels come from the group. */
  static String exposition(RunReport report, long failures, Instant now) {
    StringBuilder text = new StringBuilder();
    String labels = report.shard() == null ? "" : "{shard=\"" + report.shard() + "\"}";
    gauge(text, metric(report, "duration_seconds"), labels, seconds(report.duration().toMillis()));
    if (report.committed()) {
      if (report.task() == RunReport.Task.BACKUP) {
        gauge(text, metric(report, "bytes"), labels, Long.toString(report.bytes()));
      }
      gauge(
          text,
          metric(report, "last_success_timestamp_seconds"),
          labels,
          seconds(now.toEpochMilli()));
    }
    String counter = metric(report, "failures_total");
    text.append("# TYPE ").append(counter).append(" counter\n");
    text.append(counter).append(labels).append(' ').append(failures).append('\n');
    return text.toString();
  }

  private long currentFailures(RunReport report) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/metrics")).timeout(timeout).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("pushgateway " + request.uri() + " answered " + response.statusCode());
    }
    return failuresIn(response.body(), report);
  }

  static long failuresIn(String metrics, RunReport report) {
    Pattern line =
        Pattern.compile(
            "^" + metric(report, "failures_total") + "\\{([^}]*)\\} ([0-9.eE+]+)$",
            Pattern.MULTILINE);
    Matcher m = line.matcher(metrics);
    while (m.find()) {
      String labels = m.group(1);
      if (labels.contains("job=\"lifeboat\"")
          && labels.contains("kind=\"" + report.kind().segment() + "\"")
          && labels.contains("scope=\"" + report.scope() + "\"")) {
        return (long) Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }

  private static void gauge(StringBuilder text, String name, String labels, String value) {
    text.append("# TYPE ").append(name).append(" gauge\n");
    text.append(name).append(labels).append(' ').append(value).append('\n');
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
