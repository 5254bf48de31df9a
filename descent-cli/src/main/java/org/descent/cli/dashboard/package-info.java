/**
 * The training dashboard: {@code descent train --dashboard} serves a page on 127.0.0.1 that
 * follows the run live (server-sent events from {@link org.descent.cli.dashboard.TrainingFeed}
 * through {@link org.descent.cli.dashboard.DashboardServer}), and {@code descent dashboard DIR}
 * shows the runs saved by {@code --log} side by side. The JDK's own HTTP server, a small page,
 * and uPlot (the npm package as a WebJar from Maven Central) bundled into the jar at build time:
 * nothing is loaded from elsewhere at run time.
 */
package org.descent.cli.dashboard;
