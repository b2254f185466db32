package io.iocmonitor.collector.queue;

/**
 * An event read from the queue, with where it ends on disk so that acknowledging it can advance the head there.
 *
 * @param seq         its sequence number (one per event, increasing, never reused)
 * @param segmentBase the first sequence number of the segment file holding it
 * @param endOffset   the byte offset just after it in that file
 */
public record QueueEntry(long seq, QueuedEvent event, long segmentBase, long endOffset) {
}
