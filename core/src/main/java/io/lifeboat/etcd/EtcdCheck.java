package io.lifeboat.etcd;

import io.lifeboat.check.CheckLine;
import io.lifeboat.error.ExitCode;
import io.lifeboat.error.SourceUnavailableException;
import io.lifeboat.etcd.internal.EtcdClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code repo check}'s etcd lines: every configured endpoint's Status call (version, member,
 * leader, database size, revision), one line each. A refused connection says so at once ({@link
 * MemberSelector#status}'s TCP probe); a member that does not answer fails with exit 4. Reads only:
 * no snapshot is taken.
 */
public final class EtcdCheck {
  private EtcdCheck() {}

  public static List<CheckLine> check(EtcdSettings settings) {
    MemberSelector members = new MemberSelector(settings, new EtcdClients(settings));
    List<CheckLine> lines = new ArrayList<>();
    for (URI endpoint : settings.endpoints()) {
      String name = "etcd " + endpoint;
      try {
        MemberStatus status = members.status(endpoint);
        lines.add(
            CheckLine.ok(
                name,
                "etcd "
                    + status.serverVersion()
                    + ", member "
                    + status.memberId()
                    + (status.leader() ? " (leader)" : "")
                    + ", db "
                    + Sizes.human(status.dbSize())
                    + ", revision "
                    + status.revision()));
      } catch (SourceUnavailableException e) {
        lines.add(CheckLine.fail(name, e.getMessage(), ExitCode.SOURCE_UNAVAILABLE));
      }
    }
    return lines;
  }
}
