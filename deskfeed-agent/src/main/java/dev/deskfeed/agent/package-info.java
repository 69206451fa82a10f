/**
 * The desktop agent: one per computer, recording what is in front of the person into a store it owns and pushing
 * that store's change log to their server.
 *
 * <p>The public surface is small: {@link dev.deskfeed.agent.Agent} (start standalone, or embedded in a server's
 * store for {@code deskfeed up}), {@link dev.deskfeed.agent.AgentConfig} and {@link dev.deskfeed.agent.AgentConfigFile}
 * (settings and where they persist), {@link dev.deskfeed.agent.AgentClient} (the CLI's way to a running agent),
 * {@link dev.deskfeed.agent.AgentStatus} with {@link dev.deskfeed.agent.StatusFormat} (status bars) and
 * {@link dev.deskfeed.agent.SystemdUnit}. The parts:
 * <ul>
 *   <li>{@code capture}: snapshots of the focused window, workspace and idle time (see its package documentation);</li>
 *   <li>{@code record}: snapshots become ActivityWatch heartbeats of three buckets ({@code currentwindow},
 *       {@code afkstatus}, {@code workspace}), after pause and privacy rules;</li>
 *   <li>{@code tasks}: the Deskmeter-style tasks file and stable task ids;</li>
 *   <li>{@code relay}: {@code /api/0} for third-party watchers and the agent's control endpoints, on loopback, over
 *       the JDK's HTTP server;</li>
 *   <li>{@code sync}: the change log pushed in idempotent batches from the server's resume token, and pairing.</li>
 * </ul>
 *
 * <p>Threads, and why there are so few: capture (sleeps in poll() on the X socket), one worker that records
 * (writes wait for their commit, and the recorder is single-threaded by design), the store's writer, the sync loop
 * (sleeps until a switch or the growth delay), and the relay's dispatcher with at most two handlers that die when
 * idle. Every thread but the relay's dispatcher is a daemon; {@link dev.deskfeed.agent.Agent#close()} stops them in
 * an order that loses nothing: capture, then the worker's queue, then the last push and the goodbye.
 */
package dev.deskfeed.agent;
