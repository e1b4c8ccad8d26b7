/**
 * {@code lifeboat repo check}'s findings beyond the repository itself: which store identity is in
 * use and what it was proven to do, whether etcd and the Kubernetes API answer and what Lifeboat's
 * identity may do there. Each finding is a {@link io.lifeboat.check.CheckLine} (OK, WARN, FAIL or
 * SKIP with one sentence); the exit code follows from the lines. A check reads and proves, it never
 * changes anything but its own scratch object, and it never prints a secret (an access key id is
 * shown by its last four characters only).
 */
package io.lifeboat.check;
