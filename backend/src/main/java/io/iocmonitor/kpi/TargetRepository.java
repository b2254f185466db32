package io.iocmonitor.kpi;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Targets set by administrators (table {@code kpi_target}). */
@Repository
class TargetRepository {

    private final JdbcClient jdbc;

    TargetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every target set for the KPIs, nationally or for the province (all provinces when it is null). */
    List<Target> list(@Nullable String province) {
        return jdbc.sql("""
                        SELECT id, kpi, province, valid_from, valid_to, value, due_date FROM kpi_target
                        WHERE CAST(:province AS text) IS NULL OR province IS NULL OR province = :province
                        ORDER BY kpi, province NULLS FIRST, valid_from NULLS FIRST, id""")
                .param("province", province)
                .query((rs, i) -> target(rs))
                .list();
    }

    long insert(Target target, String user, Instant now) {
        return jdbc.sql("""
                        INSERT INTO kpi_target (kpi, province, valid_from, valid_to, value, due_date, updated_by,
                                                updated_at)
                        VALUES (:kpi, :province, :from, :to, :value, :due, :user, :now)
                        RETURNING id""")
                .param("kpi", target.kpi().wireName())
                .param("province", target.province())
                .param("from", target.validFrom())
                .param("to", target.validTo())
                .param("value", target.value())
                .param("due", target.dueDate())
                .param("user", user)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    @Nullable Target find(long id) {
        return jdbc.sql("SELECT id, kpi, province, valid_from, valid_to, value, due_date FROM kpi_target WHERE id = :id")
                .param("id", id)
                .query((rs, i) -> target(rs))
                .optional().orElse(null);
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM kpi_target WHERE id = :id").param("id", id).update();
    }

    private static Target target(ResultSet rs) throws SQLException {
        return new Target(rs.getLong("id"), Kpi.fromWire(rs.getString("kpi")).orElseThrow(), rs.getString("province"),
                date(rs.getDate("valid_from")), date(rs.getDate("valid_to")), rs.getDouble("value"),
                date(rs.getDate("due_date")));
    }

    private static @Nullable LocalDate date(@Nullable Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
