/**
 * The object-store port and its adapters ({@code store.s3}, {@code store.file}). A store moves
 * bytes under keys and enforces conditional writes; it knows nothing about backups, manifests or
 * leases. It must never log credentials or object contents.
 */
package io.lifeboat.store;
