package io.iocmonitor.base;

/**
 * Keeps a periodic job's share of the time bounded: after a run that took t, the next may start only
 * t × (1 / share − 1) later. A job whose work grows with the load (recomputing busier days) then backs off under
 * that load instead of taking the database from the writers, and runs at its own interval again when it is light.
 */
public final class TimeShare {

    private final double share;
    private long notBeforeNanos;
    private boolean ran;

    /** {@code share}: the most of the time the job may take, above 0 and at most 1. */
    public TimeShare(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a share of the time must be above 0 and at most 1, not " + share);
        }
        this.share = share;
    }

    /** Whether a run may start at {@code nowNanos} ({@link System#nanoTime()}). */
    public synchronized boolean due(long nowNanos) {
        return !ran || nowNanos - notBeforeNanos >= 0;
    }

    /** Records a run from {@code startNanos} to {@code endNanos}. */
    public synchronized void ran(long startNanos, long endNanos) {
        ran = true;
        notBeforeNanos = endNanos + (long) ((endNanos - startNanos) * (1 / share - 1));
    }
}
