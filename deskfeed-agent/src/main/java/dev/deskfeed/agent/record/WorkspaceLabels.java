package dev.deskfeed.agent.record;

import java.util.List;

/**
 * Names workspaces the way Deskmeter does: the configuration maps a workspace index to a label, and several
 * indexes may share one ({@code Work, Work, Create, Other}), so time is counted per label, not per desktop. Where the
 * list has no (or a blank) entry, the window manager's own desktop name is used, and failing that
 * {@code Workspace N} (counting from 1, as desktop pagers do).
 */
public final class WorkspaceLabels {

  private final List<String> labels;

  public WorkspaceLabels(List<String> labels) {
    this.labels = List.copyOf(labels);
  }

  /** The label of workspace {@code index} (0-based), which the window manager calls {@code wmName}. */
  public String label(int index, String wmName) {
    if (index >= 0 && index < labels.size() && !labels.get(index).isBlank()) {
      return labels.get(index).strip();
    }
    if (wmName != null && !wmName.isBlank()) {
      return wmName.strip();
    }
    return index >= 0 ? "Workspace " + (index + 1) : "";
  }
}
