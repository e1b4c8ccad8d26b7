package io.lifeboat.functions.http;

/**
 * The body of {@code POST /list}.
 *
 * @param kind {@code etcd}, {@code namespace} or {@code volumes}
 * @param scope {@code <cluster>} or {@code <cluster>/<namespace>}; null lists every scope
 */
public record ListRequest(String kind, String scope) {}
