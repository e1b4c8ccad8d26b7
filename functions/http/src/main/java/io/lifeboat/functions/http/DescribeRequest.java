package io.lifeboat.functions.http;

/**
 * The body of {@code POST /describe}.
 *
 * @param kind {@code etcd}, {@code namespace} or {@code volumes}
 * @param scope {@code <cluster>} or {@code <cluster>/<namespace>}; required
 * @param id a backup id or {@code latest} (null: latest)
 */
public record DescribeRequest(String kind, String scope, String id) {}
