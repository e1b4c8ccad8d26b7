package io.lifeboat.store.s3;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Removes the {@code Expect: 100-continue} header the S3 client adds to PutObject and UploadPart.
 * With the url-connection HTTP client, a request that expects 100-continue on a keep-alive
 * connection the server has just closed fails with "Unexpected end of file from server" as an
 * UncheckedIOException that the SDK neither maps nor retries (seen under 8 parallel puts against
 * S3Proxy). Without the header the failure is an ordinary, retried IOException.
 *
 * <p>Conditional writes keep the header: a server answers their 412 before reading the body and
 * then closes the connection, and without 100-continue the client fails with "Error writing request
 * body to server" instead of seeing the 412. Register it on every S3 client that uses the
 * url-connection client.
 */
public final class NoExpectContinue implements ExecutionInterceptor {
  @Override
  public SdkHttpRequest modifyHttpRequest(
      Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
    SdkHttpRequest request = context.httpRequest();
    if (request.firstMatchingHeader("Expect").isEmpty()
        || request.firstMatchingHeader("If-None-Match").isPresent()
        || request.firstMatchingHeader("If-Match").isPresent()) {
      return request;
    }
    return request.toBuilder().removeHeader("Expect").build();
  }
}
