package org.descent.cli.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The events of one dashboard, in order, kept for every client: a page opened late (or reloaded)
 * is sent all of them from the first, then each new one as it comes. Thread-safe: the training
 * thread appends, the server's threads read.
 */
final class EventLog {
    /** One event: its position in the log (from 0, the server-sent event id), type and JSON data. */
    record Event(int id, String type, String json) {
    }

    private final List<Event> events = new ArrayList<>();
    private boolean closed;
    private int watchers;

    /** Appends an event and wakes every client waiting for one; returns its id. */
    synchronized int append(String type, String json) {
        if (closed) {
            throw new IllegalStateException("the dashboard is closed");
        }
        Event event = new Event(events.size(), type, json);
        events.add(event);
        notifyAll();
        return event.id();
    }

    /**
     * The events from id {@code from} on; waits up to {@code waitMillis} for one when there is none
     * yet and the log is open. Empty when none came in time or the log is closed.
     */
    synchronized List<Event> from(int from, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (events.size() <= from && !closed) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        int start = Math.max(0, Math.min(from, events.size()));
        return List.copyOf(events.subList(start, events.size()));
    }

    /** A client has opened the event stream. */
    synchronized void watched() {
        watchers++;
        notifyAll();
    }

    /** Waits until a client has opened the event stream (at once if one has). */
    synchronized void awaitWatcher() throws InterruptedException {
        while (watchers == 0) {
            wait();
        }
    }

    synchronized int size() {
        return events.size();
    }

    /** No more events: waiting clients are sent what is left and then let go. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }
}
