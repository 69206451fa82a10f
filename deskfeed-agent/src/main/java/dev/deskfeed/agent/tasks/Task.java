package dev.deskfeed.agent.tasks;

/**
 * A task as switches record it: its stable id and its path ({@code work/dlt}). {@code active} is false for a task
 * that has left the tasks file but still names old switches.
 */
public record Task(long id, String path, boolean active) {}
