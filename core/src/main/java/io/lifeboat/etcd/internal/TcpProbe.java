package io.lifeboat.etcd.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * One plain TCP connect to an endpoint, to tell "nothing listens there" (said at once) from "no
 * answer" (which only a timeout tells). Anything but a refusal or an unknown host is left to the
 * real call to report.
 */
public final class TcpProbe {
  private TcpProbe() {}

  /** {@code connection refused} or {@code unknown host ...}; empty when the connect succeeded. */
  public static Optional<String> refusal(URI endpoint, Duration timeout) {
    int port = endpoint.getPort() > 0 ? endpoint.getPort() : 2379;
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(endpoint.getHost(), port),
          (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
      return Optional.empty();
    } catch (ConnectException refused) {
      return Optional.of("connection refused");
    } catch (UnknownHostException unknown) {
      return Optional.of("unknown host " + endpoint.getHost());
    } catch (IOException | IllegalArgumentException other) {
      return Optional.empty();
    }
  }

  /** {@code 5s}, {@code 1m30s}, {@code 250ms}: the syntax the settings are written in. */
  static String seconds(Duration d) {
    long millis = d.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long s = d.toSeconds();
    return s >= 60 && s % 60 != 0
        ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
        : s >= 60 ? s / 60 + "m" : s + "s";
  }
}
