package io.lifeboat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on 127.0.0.1 in front of a real server that counts the connections clients open
 * through it and how many are still open, to show how many connections a run uses and that it
 * leaves none behind. Bytes pass unchanged in both directions.
 */
public final class CountingTcpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();

  private CountingTcpProxy(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
  }

  /** Forwards to {@code endpoint}'s host and port. */
  public static CountingTcpProxy to(URI endpoint) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      CountingTcpProxy proxy =
          new CountingTcpProxy(
              listener, new InetSocketAddress(endpoint.getHost(), endpoint.getPort()));
      daemon("proxy-accept", proxy::accept);
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The proxy's own endpoint, {@code http://127.0.0.1:port}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** Connections accepted so far. */
  public int opened() {
    return opened.get();
  }

  /** Connections not yet closed by either side. */
  public int open() {
    return open.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      opened.incrementAndGet();
      open.incrementAndGet();
      daemon("proxy-conn", () -> forward(client));
    }
  }

  private void forward(Socket client) {
    try (client;
        Socket server = new Socket(target.getAddress(), target.getPort())) {
      Thread up = daemon("proxy-up", () -> pump(client, server));
      pump(server, client);
      up.join();
    } catch (IOException e) {
      // The server refused or went away: the client sees its connection closed.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.decrementAndGet();
    }
  }

  /** Copies until either side closes, then closes both so the other pump ends too. */
  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // One side closed; closing both below ends the other direction.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // Nothing more will be accepted either way.
    }
  }
}
