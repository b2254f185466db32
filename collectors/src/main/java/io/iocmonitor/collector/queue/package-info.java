/**
 * The collector's store-and-forward queue: append-only segment files on local disk that hold every event until the
 * broker has acknowledged it (SPEC §3: no loss through broker or network outages and collector restarts).
 */
@NullMarked
package io.iocmonitor.collector.queue;

import org.jspecify.annotations.NullMarked;
