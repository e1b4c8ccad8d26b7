/**
 * {@code lifeboat repo check}'s findings beyond the repository itself: whether the Kubernetes API
 * answers and what Lifeboat's identity may do there (etcd's lines are {@code etcd.EtcdCheck}, the
 * store identity's {@code repository.StoreAccessCheck}: both feed lines here, and this package
 * depends on none of them, so {@code repository} may use {@link io.lifeboat.check.CheckLine}). Each
 * finding is a {@link io.lifeboat.check.CheckLine} (OK, WARN, FAIL or SKIP with one sentence); the
 * exit code follows from the lines. A check reads and proves, it never changes anything but its own
 * scratch object, and it never prints a secret (an access key id is shown by its last four
 * characters only).
 */
package io.lifeboat.check;
