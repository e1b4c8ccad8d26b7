package io.lifeboat.volumes;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.lifeboat.export.ApiDispatcher;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The CRUD mock plus the pod {@code exec} subresource over a websocket, speaking the API server's
 * channel protocol ({@code v4.channel.k8s.io}): stdout frames on channel 1, then the status frame
 * on channel 3 carrying the exit code, then close. A pod's script can also hang (never answer), for
 * timeouts. Records, in order, every exec and every VolumeSnapshot creation.
 */
final class ExecDispatcher extends ApiDispatcher {
  private final Map<String, Script> scripts = new ConcurrentHashMap<>();
  private final List<String> events = new CopyOnWriteArrayList<>();

  /** What an exec in {@code pod} answers. */
  record Script(int exitCode, String stdout, boolean hang) {
    static Script exits(int code) {
      return new Script(code, "", false);
    }

    static Script prints(int code, String stdout) {
      return new Script(code, stdout, false);
    }

    static Script hangs() {
      return new Script(0, "", true);
    }
  }

  /** What {@code command} (its words joined by spaces) answers in {@code pod}; default exit 0. */
  void script(String pod, String command, Script script) {
    scripts.put(pod + " " + command, script);
  }

  /** {@code exec <pod>/<container> <command...>} and {@code create volumesnapshot <name>}. */
  List<String> events() {
    return List.copyOf(events);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    if (path.contains("/exec?")) {
      record(request); // the CRUD mock never sees it, but RBAC does
      return exec(path);
    }
    if ("POST".equals(request.getMethod()) && path.contains("/volumesnapshots")) {
      events.add("create volumesnapshot");
    }
    return super.dispatch(request);
  }

  private MockResponse exec(String path) {
    String pod = path.substring(0, path.indexOf("/exec?"));
    pod = pod.substring(pod.lastIndexOf('/') + 1);
    List<String> command = new ArrayList<>();
    String container = null;
    for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
      String[] kv = pair.split("=", 2);
      String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      if (kv[0].equals("command")) {
        command.add(value);
      } else if (kv[0].equals("container")) {
        container = value;
      }
    }
    events.add("exec " + pod + "/" + container + " " + String.join(" ", command));
    Script script = scripts.getOrDefault(pod + " " + String.join(" ", command), Script.exits(0));
    return new MockResponse()
        .withWebSocketUpgrade(
            new WebSocketListener() {
              @Override
              public void onOpen(WebSocket webSocket, Response response) {
                if (!script.hang()) {
                  // Off the server's event loop: the mock's send waits for the write to finish.
                  CompletableFuture.runAsync(() -> answer(webSocket, script));
                }
              }
            });
  }

  private static void answer(WebSocket webSocket, Script script) {
    if (!script.stdout().isEmpty()) {
      webSocket.send(frame(1, script.stdout()));
    }
    webSocket.send(frame(3, status(script.exitCode())));
    webSocket.close(1000, "");
  }

  private static String status(int exitCode) {
    return exitCode == 0
        ? "{\"metadata\":{},\"status\":\"Success\"}"
        : "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with"
            + " non-zero exit code\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":"
            + "[{\"reason\":\"ExitCode\",\"message\":\""
            + exitCode
            + "\"}]}}";
  }

  private static byte[] frame(int channel, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] frame = new byte[body.length + 1];
    frame[0] = (byte) channel;
    System.arraycopy(body, 0, frame, 1, body.length);
    return frame;
  }
}
