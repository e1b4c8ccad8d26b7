package io.lifeboat.restore.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lifeboat.export.archive.ArchiveLayout;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Scope;
import io.lifeboat.testing.Cli;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook's {@code jq} filter, run by the real {@code jq} on an archive unpacked with the real
 * {@code zstd} and {@code tar}, writes exactly what {@code render --clean} writes.
 */
class JqFilterIT {
  private static final Path RUNBOOK = Path.of("../docs/runbooks/namespace-restore.md");
  private static final String BACKUP_ID = "20261125T181500Z-3f9a";

  @TempDir Path work;

  @Test
  void theRunbooksJqFilterWritesWhatRenderCleanWritesForTheShopBackup() throws Exception {
    try (RestoreFixture fixture = new RestoreFixture()) {
      RestorePlan plan = fixture.restorer().plan(fixture.request(RestoreFixture.fastOptions()));
      String key =
          fixture.store.keys().stream()
              .filter(k -> k.endsWith("resources.tar.zst"))
              .findFirst()
              .orElseThrow();
      Files.write(work.resolve("resources.tar.zst"), fixture.store.bytes(key));
      Files.createDirectories(work.resolve("shop"));
      shell("zstd -d -q resources.tar.zst -o resources.tar && tar -xf resources.tar -C shop");

      JsonNode jq = runFilter(work.resolve("shop"), fixture.backup.id().toString());

      assertThat(jq).isEqualTo(rendered(plan));
      assertThat(jq.get("items").size()).isEqualTo(plan.count(PlannedObject.Action.RESTORE));
    }
  }

  @Test
  void theRunbooksJqFilterAppliesEveryCleaningRuleAsLifeboatDoes() throws Exception {
    Path root = work.resolve("synthetic");
    List<ArchivedObject> archived = new ArrayList<>();
    for (String json : SyntheticObjects.ALL) {
      ObjectNode object = (ObjectNode) Json.MAPPER.readTree(json);
      ArchivedObject o = SyntheticObjects.place(object);
      String path =
          o.clusterScoped()
              ? ArchiveLayout.clusterObject(o.typeDirectory(), o.name())
              : ArchiveLayout.namespacedObject(o.typeDirectory(), o.namespace(), o.name());
      Files.createDirectories(root.resolve(path).getParent());
      Files.writeString(root.resolve(path), json);
      archived.add(o);
    }
    List<PlannedObject> planned =
        NamespaceRestorer.decide(archived, RestoreOptions.defaults(), BACKUP_ID, "shop");
    RestorePlan plan =
        new RestorePlan(
            "r", null, Scope.parse("prod/shop"), RestoreOptions.defaults(), planned, 0, "t", null);

    JsonNode jq = runFilter(root, BACKUP_ID);

    // Lifeboat refuses cluster-scoped types an export never writes (Placement); the hand filter
    // trusts the archive and keeps them (the runbook says to look at them before applying).
    var items = (com.fasterxml.jackson.databind.node.ArrayNode) jq.get("items");
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.get(i).path("kind").asText().equals("ValidatingWebhookConfiguration")) {
        items.remove(i);
      }
    }
    assertThat(jq).isEqualTo(rendered(plan));
    assertThat(planned)
        .filteredOn(o -> o.archived().kind().equals("ValidatingWebhookConfiguration"))
        .singleElement()
        .satisfies(o -> assertThat(o.action()).isEqualTo(PlannedObject.Action.FAIL))
        .satisfies(o -> assertThat(o.reason()).contains("holds no cluster-scoped"));
    assertThat(jq.toString())
        .doesNotContain("node-1")
        .doesNotContain("controller-uid")
        .doesNotContain("app-token-x1");
  }

  private static JsonNode rendered(RestorePlan plan) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    plan.writeObjects(out, "json");
    return Json.MAPPER.readTree(out.toByteArray());
  }

  private JsonNode runFilter(Path archiveRoot, String backupId) throws Exception {
    Path filter = work.resolve("lifeboat-clean.jq");
    Files.writeString(filter, filterFromRunbook());
    String output =
        shell(
            "cd '"
                + archiveRoot
                + "' && jq -n --arg backup "
                + backupId
                + " -f '"
                + filter
                + "' $(find resources -name '*.json')");
    return Json.MAPPER.readTree(output);
  }

  /** The fenced block between the runbook's markers: the very text a person copies. */
  static String filterFromRunbook() throws Exception {
    String text = Files.readString(RUNBOOK);
    String block =
        text.substring(
            text.indexOf("<!-- lifeboat-clean.jq: begin -->"),
            text.indexOf("<!-- lifeboat-clean.jq: end -->"));
    return block.substring(block.indexOf("```jq") + 5, block.lastIndexOf("```"));
  }

  private String shell(String command) {
    Cli.Result result =
        Cli.exec(List.of(), List.of("bash", "-c", "cd '" + work + "' && " + command), null);
    assertThat(result.exitCode()).as("%s said %s", command, result.output()).isZero();
    return result.output();
  }
}
