/**
 * From a {@code lifeboat.location} URI and the {@code lifeboat.s3.*} settings to an open {@link
 * io.lifeboat.store.ObjectStore}: the one place that knows every adapter. It lives outside the
 * port's package so that the port ({@code store}) never depends on its adapters ({@code store.s3},
 * {@code store.file}). Opening makes no request; it must never log a secret.
 */
package io.lifeboat.store.location;
