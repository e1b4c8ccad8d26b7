package io.lifeboat.volumes;

import io.lifeboat.kube.Glob;
import io.lifeboat.kube.LabelSelector;
import java.util.List;
import java.util.Map;

/**
 * Which PVCs a volumes backup takes: namespaces by glob (an empty include list means every
 * namespace), and PVCs by a Kubernetes label selector (none: every PVC). PVCs labelled {@value
 * #EXCLUDE_LABEL}{@code =true} are never taken.
 */
public record VolumesSelection(
    List<String> includeNamespaces, List<String> excludeNamespaces, String labelSelector) {
  public static final String EXCLUDE_LABEL = "lifeboat.io/exclude";

  public VolumesSelection {
    includeNamespaces = includeNamespaces == null ? List.of() : List.copyOf(includeNamespaces);
    excludeNamespaces = excludeNamespaces == null ? List.of() : List.copyOf(excludeNamespaces);
    labelSelector = labelSelector == null || labelSelector.isBlank() ? null : labelSelector.strip();
    if (labelSelector != null) {
      LabelSelector.parse(labelSelector);
    }
  }

  public static VolumesSelection all() {
    return new VolumesSelection(List.of(), List.of(), null);
  }

  public boolean includesNamespace(String namespace) {
    return (includeNamespaces.isEmpty() || Glob.anyMatches(includeNamespaces, namespace))
        && !Glob.anyMatches(excludeNamespaces, namespace);
  }

  public boolean includesPvc(Map<String, String> labels) {
    Map<String, String> present = labels == null ? Map.of() : labels;
    return !"true".equals(present.get(EXCLUDE_LABEL))
        && (labelSelector == null || LabelSelector.parse(labelSelector).matches(present));
  }
}
