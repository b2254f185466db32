package io.iocmonitor.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.iocmonitor.telemetry.KnownSites;

/**
 * The provinces and communes the product knows, kept in the database and held in memory for validation.
 * At start-up the built-in provinces are written (insert or update) and every province that has no commune yet
 * gets placeholder communes with its real count.
 */
@Service
public class ReferenceData implements KnownSites {

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

    private static final long SEED_LOCK = 0x10C_0001L;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Map<String, Province> provinces = new LinkedHashMap<>();
    private volatile Map<String, Set<String>> communesByProvince = Map.of();

    ReferenceData(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx,
            @Value("${ioc.reference.communes-file:}") String communesFile) throws IOException {
        this.jdbc = jdbc;
        this.batch = batch;
        BuiltInProvinces.load().forEach(p -> provinces.put(p.code(), p));
        CommuneFile.Parsed imported = communesFile.isBlank() ? null : readCommunes(Path.of(communesFile));
        tx.executeWithoutResult(status -> {
            seed();
            if (imported != null) {
                importCommunes(imported.communes());
            }
        });
        reloadCommunes();
    }

    public List<Province> provinces() {
        return List.copyOf(provinces.values());
    }

    public Optional<Province> province(String code) {
        return Optional.ofNullable(provinces.get(code));
    }

    @Override
    public boolean isProvince(String provinceCode) {
        return provinces.containsKey(provinceCode);
    }

    @Override
    public boolean isCommuneOf(String provinceCode, String communeCode) {
        return communesByProvince.getOrDefault(provinceCode, Set.of()).contains(communeCode);
    }

    public List<Commune> communes(String provinceCode) {
        return jdbc.sql("SELECT code, name, province_code, type FROM commune WHERE province_code = ? ORDER BY code")
                .param(provinceCode)
                .query((rs, i) -> new Commune(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private void seed() {
        // Servers starting together on an empty database take turns, so only the first one seeds.
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(SEED_LOCK).query((rs, i) -> 1).list();
        for (Province p : provinces.values()) {
            jdbc.sql("""
                    INSERT INTO province (code, name, name_ascii, communes) VALUES (?, ?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_ascii = EXCLUDED.name_ascii,
                                                     communes = EXCLUDED.communes""")
                    .params(p.code(), p.name(), p.nameAscii(), p.communes())
                    .update();
        }
        Set<String> withCommunes = new HashSet<>(
                jdbc.sql("SELECT DISTINCT province_code FROM commune").query(String.class).list());
        List<Commune> placeholders = new ArrayList<>();
        provinces.values().stream()
                .filter(p -> !withCommunes.contains(p.code()))
                .forEach(p -> placeholders.addAll(PlaceholderCommunes.of(p)));
        batch.batchUpdate("""
                INSERT INTO commune (code, name, province_code, type) VALUES (?, ?, ?, ?)
                ON CONFLICT (code) DO NOTHING""",
                placeholders.stream().map(c -> new Object[] {c.code(), c.name(), c.provinceCode(), c.type()}).toList());
        if (!placeholders.isEmpty()) {
            log.info("Generated {} placeholder communes (no communes file imported)", placeholders.size());
        }
    }

    private CommuneFile.Parsed readCommunes(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("ioc.reference.communes-file: " + file.toAbsolutePath() + " cannot be read");
        }
        CommuneFile.Parsed parsed = CommuneFile.parse(file.getFileName().toString(), Files.readAllBytes(file),
                provinces::containsKey);
        parsed.rejected().forEach(problem -> log.warn("Commune row refused: {}", problem));
        log.info("Communes file {}: {} communes read, {} rows refused", file, parsed.communes().size(),
                parsed.rejected().size());
        return parsed;
    }

    // Insert or update; the placeholders of every province the file covers give way to its real communes.
    void importCommunes(List<Commune> communes) {
        batch.batchUpdate("""
                INSERT INTO commune (code, name, province_code, type) VALUES (?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, province_code = EXCLUDED.province_code,
                                                 type = EXCLUDED.type""",
                communes.stream().map(c -> new Object[] {c.code(), c.name(), c.provinceCode(), c.type()}).toList());
        Set<String> covered = new HashSet<>();
        communes.forEach(c -> covered.add(c.provinceCode()));
        for (String province : covered) {
            jdbc.sql("DELETE FROM commune WHERE province_code = ? AND type = ?")
                    .params(province, PlaceholderCommunes.TYPE).update();
        }
    }

    void reloadCommunes() {
        Map<String, Set<String>> byProvince = new HashMap<>();
        jdbc.sql("SELECT province_code, code FROM commune").query(rs -> {
            byProvince.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        });
        communesByProvince = Map.copyOf(byProvince);
    }
}
