package io.iocmonitor.reference;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Administrators' imports of commune-level units from a CSV or spreadsheet ({@link CommuneFile}): the valid rows are
 * inserted or updated, the refused ones reported with line and field, and the version of every commune an import
 * changes is kept ({@code commune_previous_version}), so that boundaries and names can change without losing the
 * past. One import is one transaction: it lands whole or not at all.
 */
@Service
public class CommuneImports {

    static final int CHUNK = 500;

    /** What an import did. */
    public record Report(long importId, String source, int accepted, int added, int changed, List<String> rejected) {
    }

    /** Hears how many of the valid rows are written so far. */
    @FunctionalInterface
    public interface Progress {
        void written(int rows, int of);
    }

    /** An earlier import, for the history list. */
    public record Past(long id, Instant importedAt, String importedBy, String source, int accepted, int added,
            int changed, int rejected) {
    }

    private final ReferenceData reference;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final Clock clock;

    CommuneImports(ReferenceData reference, JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Clock clock) {
        this.reference = reference;
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Imports a file (its name, for messages and the history, and its bytes).
     *
     * @throws IOException when the file cannot be read or its header row is not one of {@link CommuneLayout}'s
     */
    public Report importFile(String source, byte[] content, String user, Progress progress) throws IOException {
        CommuneFile.Parsed parsed = CommuneFile.parse(source, content, reference::isProvince);
        Map<String, Commune> current = new HashMap<>();
        jdbc.sql("SELECT code, name, province_code, type FROM commune").query((rs, i) -> new Commune(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4))).list().forEach(c -> current.put(c.code(), c));
        List<Commune> replaced = new ArrayList<>();
        int added = 0;
        for (Commune commune : parsed.communes()) {
            Commune before = current.get(commune.code());
            if (before == null) {
                added++;
            } else if (!before.equals(commune)) {
                replaced.add(before);
            }
        }
        int addedCount = added;
        long id = tx.execute(status -> {
            long importId = jdbc.sql("""
                    INSERT INTO commune_import (imported_at, imported_by, source, accepted, added, changed, rejected)
                    VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(clock.instant().atOffset(ZoneOffset.UTC), user, source, parsed.communes().size(),
                            addedCount, replaced.size(), parsed.rejected().size())
                    .query(Long.class).single();
            batch.batchUpdate("""
                    INSERT INTO commune_previous_version (import_id, code, name, province_code, type)
                    VALUES (?, ?, ?, ?, ?)""", replaced.stream()
                    .map(c -> new Object[] {importId, c.code(), c.name(), c.provinceCode(), c.type()}).toList());
            List<Commune> rows = parsed.communes();
            for (int from = 0; from < rows.size(); from += CHUNK) {
                int to = Math.min(rows.size(), from + CHUNK);
                reference.importCommunes(rows.subList(from, to));
                progress.written(to, rows.size());
            }
            return importId;
        });
        reference.reloadCommunes();
        return new Report(id, source, parsed.communes().size(), added, replaced.size(), parsed.rejected());
    }

    /** Every import, newest first. */
    public List<Past> history() {
        return jdbc.sql("""
                SELECT id, imported_at, imported_by, source, accepted, added, changed, rejected
                FROM commune_import ORDER BY id DESC""")
                .query((rs, i) -> new Past(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)))
                .list();
    }

    /** The versions of communes that import {@code importId} replaced. */
    public List<Commune> previousVersions(long importId) {
        return jdbc.sql("""
                SELECT code, name, province_code, type FROM commune_previous_version WHERE import_id = ?
                ORDER BY code""")
                .param(importId)
                .query((rs, i) -> new Commune(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
