package io.lifeboat.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP receiver standing in for a Prometheus Pushgateway: it records every request, answers
 * a GET (the metrics page a push reads its failure count from) with {@link #answerGets} and any
 * other request with {@link #answerPushesWith}'s status and no body.
 */
public final class StandInPushgateway implements AutoCloseable {
  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> pushes = new CopyOnWriteArrayList<>();
  private volatile String page = "";
  private volatile int pushStatus = 200;

  private StandInPushgateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  public static StandInPushgateway start() {
    try {
      return new StandInPushgateway();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}, as {@code lifeboat.metrics.pushgateway-url} takes it. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request as {@code <METHOD> <uri>\n<body>}, in arrival order. */
  public List<String> requests() {
    return requests;
  }

  /** The POSTs only, as {@code <path>\n<body>}. */
  public List<String> pushes() {
    return pushes;
  }

  public void answerGets(String metricsPage) {
    this.page = metricsPage;
  }

  public void answerPushesWith(int status) {
    this.pushStatus = status;
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String method = exchange.getRequestMethod();
    requests.add(method + " " + exchange.getRequestURI() + "\n" + body);
    if (method.equals("POST")) {
      pushes.add(exchange.getRequestURI().getPath() + "\n" + body);
    }
    boolean get = method.equals("GET");
    byte[] answer = (get ? page : "").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(get ? 200 : pushStatus, answer.length == 0 ? -1 : answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
