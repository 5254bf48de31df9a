package org.descent.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;

/**
 * Draws a progress bar on one terminal line and erases it when the bar closes, so that the
 * line printed next (the epoch line) takes its place: no finished or stale bar stays on the
 * screen. Every update is flushed at once; a redraw shorter than the last clears the rest of
 * the line (ANSI "erase to end of line": the bar is only drawn on a terminal).
 */
final class BarLine extends ConsoleProgressBarConsumer {
    private static final String ERASE_TO_END = "\033[K";

    private final PrintStream terminal;

    BarLine(PrintStream terminal) {
        super(terminal);
        this.terminal = terminal;
    }

    @Override
    public void accept(String rendered) {
        int width = getMaxRenderedLength();
        // The renderer fits the bar to the width already (ASCII style: one column a character).
        String line = width > 0 && rendered.length() > width ? rendered.substring(0, width) : rendered;
        terminal.print('\r' + line + ERASE_TO_END);
        terminal.flush();
    }

    @Override
    public void close() {
        terminal.print('\r' + ERASE_TO_END);
        terminal.flush();
    }
}
