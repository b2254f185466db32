package io.iocmonitor.store;

/**
 * What one committed batch changed.
 *
 * @param stored     events stored for the first time
 * @param duplicates events whose id had been stored before (or twice in the batch)
 * @param rejected   dead letters written
 */
public record WriteResult(int stored, int duplicates, int rejected) {
}
