package io.lifeboat.volumes.hooks;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Runs hooks through the pod {@code exec} subresource (a websocket, as {@code kubectl exec}), with
 * no stdin and no TTY. The command's exit code comes from the API server's status frame; a command
 * still running at the hook's timeout is abandoned (the websocket is closed) and reported failed.
 * The tail of stdout and stderr is kept for the failure message.
 */
public final class ExecHookRunner implements HookRunner {
  private static final Logger LOG = Logger.getLogger(ExecHookRunner.class);
  private static final int TAIL_BYTES = 512;

  private final KubernetesClient client;

  public ExecHookRunner(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Result run(PodHook hook) {
    long started = System.nanoTime();
    Tail output = new Tail();
    try (ExecWatch watch =
        client
            .pods()
            .inNamespace(hook.namespace())
            .withName(hook.pod())
            .inContainer(hook.container())
            .writingOutput(output)
            .writingError(output)
            .exec(hook.command().toArray(String[]::new))) {
      Integer code = watch.exitCode().get(hook.timeout().toMillis(), TimeUnit.MILLISECONDS);
      LOG.debugf(
          "%s exited %s in %d ms",
          hook.describe(), code, (System.nanoTime() - started) / 1_000_000);
      return code != null && code == 0
          ? Result.succeeded()
          : Result.failed("exit code " + code + output.describe());
    } catch (TimeoutException e) {
      return Result.failed(
          "timed out after " + hook.timeout().toMillis() + " ms" + output.describe());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return Result.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    } catch (KubernetesClientException e) {
      return Result.failed("exec refused: HTTP " + e.getCode() + " " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.failed("interrupted");
    }
  }

  /** The last {@value #TAIL_BYTES} bytes written, for a failure message. */
  private static final class Tail extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
      if (bytes.size() > 4 * TAIL_BYTES) {
        byte[] all = bytes.toByteArray();
        bytes.reset();
        bytes.write(all, all.length - TAIL_BYTES, TAIL_BYTES);
      }
    }

    synchronized String describe() {
      byte[] all = bytes.toByteArray();
      int from = Math.max(0, all.length - TAIL_BYTES);
      String text = new String(all, from, all.length - from, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "" : "; output: " + text.replace('\n', ' ');
    }
  }
}
