package io.iocmonitor.ingest;

import java.util.List;

import org.springframework.stereotype.Service;

import io.iocmonitor.telemetry.DeadLetter;
import io.iocmonitor.store.DeadLetterQueries;
import io.iocmonitor.security.ProvinceScope;

/** What ingestion refused, for operators to inspect; a provincial user sees only their province's topics. */
@Service
public class DeadLetters {

    public static final int MAX_LIMIT = 1000;

    private final DeadLetterQueries queries;

    DeadLetters(DeadLetterQueries queries) {
        this.queries = queries;
    }

    public List<DeadLetter> latest(int limit, ProvinceScope scope) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " is outside 1–" + MAX_LIMIT);
        }
        return queries.latest(limit, scope.province());
    }
}
