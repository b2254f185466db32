package io.iocmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.iocmonitor.telemetry.ParsedMessage;

class OrderedAcksTest {

    private final List<Integer> acknowledged = new ArrayList<>();
    private final OrderedAcks acks = new OrderedAcks(m -> acknowledged.add(m.messageId()));

    private InboundMessage arrive(int messageId) {
        return new InboundMessage(new ParsedMessage(List.of(), List.of()), messageId, 1, acks.arrive());
    }

    @Test
    void aLaterBatchCommittedFirstWaitsForTheEarlierOne() {
        InboundMessage m1 = arrive(11);
        InboundMessage m2 = arrive(12);
        InboundMessage m3 = arrive(13);
        InboundMessage m4 = arrive(14);
        acks.committed(List.of(m3, m4));
        assertThat(acknowledged).as("13 and 14 wait for 11 and 12").isEmpty();
        acks.committed(List.of(m1));
        assertThat(acknowledged).containsExactly(11);
        acks.committed(List.of(m2));
        assertThat(acknowledged).containsExactly(11, 12, 13, 14);
    }

    @Test
    void interleavedBatchesAreAcknowledgedInArrivalOrder() {
        InboundMessage a = arrive(1);
        InboundMessage b = arrive(2);
        InboundMessage c = arrive(3);
        acks.committed(List.of(a, c));
        acks.committed(List.of(b));
        assertThat(acknowledged).containsExactly(1, 2, 3);
    }
}
