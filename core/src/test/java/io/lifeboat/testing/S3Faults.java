package io.lifeboat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Faults on the HTTP exchanges between the AWS SDK and a real server, one attempt at a time: an
 * interceptor added to the client ({@code overrideConfiguration(c ->
 * c.addExecutionInterceptor(faults))}). A lost reply lets the request reach the server and fail the
 * attempt afterwards with an I/O error, so the SDK retries it as it would after a dropped
 * connection; a conflict answers one attempt with 409 ConditionalRequestConflict without sending
 * it; {@link #ignoreIfMatchOnDelete} plays a server that drops If-Match from DELETE.
 */
public final class S3Faults implements ExecutionInterceptor {
  /** One request as the server gets it: method, key (after the bucket), headers and body. */
  public record Request(String method, String key, SdkHttpRequest http, String body) {
    public boolean isPut() {
      return method.equals("PUT");
    }

    public boolean isDelete() {
      return method.equals("DELETE");
    }

    public boolean hasHeader(String name) {
      return http.firstMatchingHeader(name).isPresent();
    }
  }

  private volatile Predicate<Request> loseReply = r -> false;
  private volatile Predicate<Request> conflict = r -> false;
  private volatile boolean ignoreIfMatchOnDelete;
  private final AtomicInteger lost = new AtomicInteger();
  private final AtomicInteger conflicts = new AtomicInteger();

  /** Loses the reply of the first attempt of the first request that {@code matches}. */
  public void loseFirstReply(Predicate<Request> matches) {
    lost.set(0);
    loseReply = matches;
  }

  /** Answers the first attempt of the first request that {@code matches} with a 409. */
  public void conflictOnce(Predicate<Request> matches) {
    conflicts.set(0);
    conflict = matches;
  }

  public void ignoreIfMatchOnDelete() {
    ignoreIfMatchOnDelete = true;
  }

  public int lostReplies() {
    return lost.get();
  }

  public int conflicts() {
    return conflicts.get();
  }

  @Override
  public SdkHttpRequest modifyHttpRequest(
      Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    SdkHttpRequest http = context.httpRequest();
    if (ignoreIfMatchOnDelete && http.method() == SdkHttpMethod.DELETE) {
      return http.toBuilder().removeHeader("If-Match").build();
    }
    return http;
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    if (conflicts.get() == 0 && conflict.test(request(context))) {
      conflicts.incrementAndGet();
      throw S3Exception.builder()
          .statusCode(409)
          .message("injected by the test")
          .awsErrorDetails(
              AwsErrorDetails.builder()
                  .errorCode("ConditionalRequestConflict")
                  .errorMessage("injected by the test")
                  .build())
          .build();
    }
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    if (lost.get() == 0 && loseReply.test(request(context))) {
      lost.incrementAndGet();
      throw SdkClientException.builder()
          .message("reply lost (injected by the test)")
          .cause(new IOException("connection reset after the request was sent"))
          .build();
    }
  }

  private static Request request(Context.BeforeTransmission context) {
    SdkHttpRequest http = context.httpRequest();
    String path = http.encodedPath();
    String key = path.indexOf('/', 1) < 0 ? "" : path.substring(path.indexOf('/', 1) + 1);
    String body =
        context
            .requestBody()
            .map(
                b -> {
                  try (InputStream in = b.contentStreamProvider().newStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .orElse("");
    return new Request(http.method().name(), key, http, body);
  }
}
