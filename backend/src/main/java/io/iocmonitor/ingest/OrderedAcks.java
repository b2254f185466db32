package io.iocmonitor.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Acknowledges messages in the order they arrived, whichever writer commits them first: MQTT expects PUBACKs in
 * the order of the PUBLISHes, and a broker that counts the in-flight window from the oldest unacknowledged message
 * would otherwise stall. A message is acknowledged once it and every message before it are committed.
 */
final class OrderedAcks {

    private final Consumer<InboundMessage> acknowledge;
    private final Map<Long, InboundMessage> committed = new HashMap<>();
    private long arrived;
    private long next;

    OrderedAcks(Consumer<InboundMessage> acknowledge) {
        this.acknowledge = acknowledge;
    }

    /** The arrival number of the next message: call on the receiving thread, in arrival order. */
    synchronized long arrive() {
        return arrived++;
    }

    /** A batch is committed: acknowledge what has become a committed prefix of the arrival order. */
    synchronized void committed(List<InboundMessage> batch) {
        batch.forEach(m -> committed.put(m.sequence(), m));
        InboundMessage m;
        while ((m = committed.remove(next)) != null) {
            acknowledge.accept(m);
            next++;
        }
    }
}
