package io.iocmonitor.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.iocmonitor.alerting.rules.AlertState;
import io.iocmonitor.alerting.rules.AlertTrack;
import io.iocmonitor.alerting.rules.Evidence;
import io.iocmonitor.alerting.rules.Severity;
import io.iocmonitor.alerting.rules.Text;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts, their history, silences and the notification outbox (tables of V10). One instance works on the
 * connection pool (the API, the UI); the elected evaluator has its own on the connection that holds the leader
 * lock, so that an instance that lost the lock cannot write.
 */
class AlertRepository {

    /** An open alert as the evaluator needs it. */
    record OpenAlert(long id, String rule, String groupKey, AlertTrack track) {
    }

    /** A notification to deliver. */
    record Notification(long id, long alertId, String transition, String channel, int attempts) {
    }

    private static final String ALERT_COLUMNS = """
            id, rule, state, severity, province, labels, members, value, summary_vi, summary_en, evidence,
            evidence_view, starts_at, fired_at, ends_at, acknowledged_by, acknowledged_at, assignee, resolved_by""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AlertRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- the evaluator ---------------------------------------------------------------------------------------

    /** Open alerts by rule, then by group key. */
    Map<String, Map<String, OpenAlert>> openAlerts() {
        Map<String, Map<String, OpenAlert>> byRule = new HashMap<>();
        jdbc.sql("SELECT id, rule, group_key, state, starts_at, fired_at, last_active_at, members FROM alert "
                        + "WHERE state <> 'resolved'")
                .query(rs -> {
                    List<Alert.Member> members = members(rs.getString(8));
                    AlertTrack track = new AlertTrack(AlertState.valueOf(rs.getString(4).toUpperCase()),
                            instant(rs, 5), nullableInstant(rs, 6), instant(rs, 7),
                            members.stream().map(Alert.Member::key).collect(Collectors.toSet()));
                    OpenAlert open = new OpenAlert(rs.getLong(1), rs.getString(2), rs.getString(3), track);
                    byRule.computeIfAbsent(open.rule(), r -> new HashMap<>()).put(open.groupKey(), open);
                });
        return byRule;
    }

    long insert(String rule, String groupKey, @Nullable String province, Severity severity, Map<String, String> labels,
            AlertTrack track, List<Alert.Member> members, @Nullable Double value, Text summary,
            @Nullable Evidence evidence) {
        return jdbc.sql("""
                        INSERT INTO alert (rule, group_key, province, severity, state, labels, members, value,
                            summary_vi, summary_en, evidence, evidence_view, starts_at, fired_at, last_active_at)
                        VALUES (:rule, :group, :province, :severity, :state, CAST(:labels AS jsonb),
                            CAST(:members AS jsonb), :value, :vi, :en, :evidence, :view, :starts, :fired, :last)
                        RETURNING id""")
                .param("rule", rule).param("group", groupKey).param("province", province)
                .param("severity", severity.wireName()).param("state", track.state().wireName())
                .param("labels", json.writeValueAsString(labels)).param("members", json.writeValueAsString(members))
                .param("value", value).param("vi", summary.vi()).param("en", summary.en())
                .param("evidence", evidence == null ? null : evidence.api())
                .param("view", evidence == null ? null : evidence.view()).param("starts", utc(track.activeSince()))
                .param("fired", utc(track.firedAt())).param("last", utc(track.lastActiveAt()))
                .query(Long.class).single();
    }

    /** Moves an open alert on; members, value and summary are kept as they were when none are in trouble now. */
    void update(long id, AlertTrack track, List<Alert.Member> members, @Nullable Double value, Text summary,
            @Nullable Evidence evidence, @Nullable Instant endsAt) {
        jdbc.sql("""
                        UPDATE alert SET state = :state, fired_at = :fired, last_active_at = :last, ends_at = :ends,
                            members = CASE WHEN :keep THEN members ELSE CAST(:members AS jsonb) END,
                            value = CASE WHEN :keep THEN value ELSE :value END,
                            summary_vi = CASE WHEN :keep THEN summary_vi ELSE :vi END,
                            summary_en = CASE WHEN :keep THEN summary_en ELSE :en END,
                            evidence = CASE WHEN :keep THEN evidence ELSE :evidence END,
                            evidence_view = CASE WHEN :keep THEN evidence_view ELSE :view END
                        WHERE id = :id AND state <> 'resolved'""")
                .param("id", id).param("state", track.state().wireName()).param("fired", utc(track.firedAt()))
                .param("last", utc(track.lastActiveAt())).param("ends", utc(endsAt))
                .param("keep", members.isEmpty()).param("members", json.writeValueAsString(members))
                .param("value", value).param("vi", summary.vi()).param("en", summary.en())
                .param("evidence", evidence == null ? null : evidence.api())
                .param("view", evidence == null ? null : evidence.view())
                .update();
    }

    /** A pending alert whose condition ended before it fired leaves no trace. */
    void delete(long id) {
        jdbc.sql("DELETE FROM alert WHERE id = :id AND state = 'pending'").param("id", id).update();
    }

    void resolveRemovedRule(long id, Instant at) {
        jdbc.sql("UPDATE alert SET state = 'resolved', ends_at = :at WHERE id = :id AND state <> 'resolved'")
                .param("id", id).param("at", utc(at)).update();
    }

    void event(long alertId, Instant at, String kind, @Nullable String actor, @Nullable String text) {
        jdbc.sql("INSERT INTO alert_event (alert_id, at, kind, actor, text) VALUES (:id, :at, :kind, :actor, :text)")
                .param("id", alertId).param("at", utc(at)).param("kind", kind).param("actor", actor)
                .param("text", text).update();
    }

    /** Queues one notification per channel; a transition already queued for a channel is not queued twice. */
    void enqueue(long alertId, String transition, String channel, String status, Instant at) {
        jdbc.sql("""
                        INSERT INTO alert_notification (alert_id, transition, channel, status, next_attempt_at)
                        VALUES (:id, :transition, :channel, :status, :at)
                        ON CONFLICT (alert_id, transition, channel) DO NOTHING""")
                .param("id", alertId).param("transition", transition).param("channel", channel)
                .param("status", status).param("at", utc(at)).update();
    }

    /** The channels told of an alert's firing (sent or still trying): those that hear of its resolution. */
    List<String> channelsToldOfFiring(long alertId) {
        return jdbc.sql("SELECT channel FROM alert_notification WHERE alert_id = :id AND transition = 'firing' "
                        + "AND status IN ('pending', 'sent')")
                .param("id", alertId).query(String.class).list();
    }

    void failNotificationsOfOtherChannels(Set<String> configured, Instant at) {
        jdbc.sql("""
                        UPDATE alert_notification SET status = 'failed', sent_at = :at,
                            last_error = 'channel ' || channel || ' is not configured'
                        WHERE status = 'pending' AND NOT (channel = ANY (:configured))""")
                .param("configured", configured.toArray(String[]::new)).param("at", utc(at)).update();
    }

    // --- the notifier ----------------------------------------------------------------------------------------

    /**
     * Takes, until the caller's transaction ends, the right to deliver the channel's notifications: only while
     * the leader's session (its backend process id) holds the leader lock, and for one deliverer at a time
     * across instances, so that a deposed leader finishing a delivery and its successor never send the same
     * notification, nor a channel's notifications out of order.
     */
    boolean claimDeliveries(String channel, int leaderSession) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = :session
                                   AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = :key)
                           AND pg_try_advisory_xact_lock(hashtext('ioc-alert-delivery'), hashtext(:channel))""")
                .param("session", leaderSession).param("key", AlertingLeader.LOCK_KEY).param("channel", channel)
                .query(Boolean.class).single();
    }

    Optional<Notification> nextDueNotification(String channel, Instant now) {
        return jdbc.sql("""
                        SELECT id, alert_id, transition, channel, attempts FROM alert_notification
                        WHERE status = 'pending' AND channel = :channel AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, id LIMIT 1""")
                .param("channel", channel).param("now", utc(now))
                .query((rs, i) -> new Notification(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5)))
                .optional();
    }

    void notificationDone(long id, String status, Instant at, @Nullable String error) {
        jdbc.sql("UPDATE alert_notification SET status = :status, sent_at = :at, attempts = attempts + 1, "
                        + "last_error = :error WHERE id = :id")
                .param("id", id).param("status", status).param("at", utc(at)).param("error", error).update();
    }

    /** Holds a notification back until {@code until} (the end of a silence) without counting an attempt. */
    void notificationDefer(long id, Instant until) {
        jdbc.sql("UPDATE alert_notification SET next_attempt_at = :next WHERE id = :id")
                .param("id", id).param("next", utc(until)).update();
    }

    void notificationRetry(long id, Instant next, String error) {
        jdbc.sql("UPDATE alert_notification SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error "
                        + "WHERE id = :id")
                .param("id", id).param("next", utc(next)).param("error", error).update();
    }

    // --- reading, and the operators' actions -------------------------------------------------------------------

    /**
     * @param states   the states wanted
     * @param province only this province's alerts; {@code null}: all, national ones included
     */
    List<Alert> alerts(List<AlertState> states, @Nullable String province, int limit) {
        return jdbc.sql("SELECT " + ALERT_COLUMNS + """
                         FROM alert WHERE state IN (:states)
                          AND (CAST(:province AS text) IS NULL OR province = :province)
                        ORDER BY CASE state WHEN 'firing' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END,
                                 coalesce(ends_at, starts_at) DESC, id DESC
                        LIMIT :limit""")
                .param("states", states.stream().map(AlertState::wireName).toList())
                .param("province", province).param("limit", limit)
                .query((rs, i) -> alert(rs)).list();
    }

    Optional<Alert> alert(long id) {
        return jdbc.sql("SELECT " + ALERT_COLUMNS + " FROM alert WHERE id = :id").param("id", id)
                .query((rs, i) -> alert(rs)).optional();
    }

    List<AlertEvent> events(long alertId) {
        return jdbc.sql("SELECT at, kind, actor, text FROM alert_event WHERE alert_id = :id ORDER BY at, id")
                .param("id", alertId)
                .query((rs, i) -> new AlertEvent(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    void acknowledge(long id, String user, Instant at) {
        jdbc.sql("UPDATE alert SET acknowledged_by = :user, acknowledged_at = :at WHERE id = :id")
                .param("id", id).param("user", user).param("at", utc(at)).update();
    }

    void assign(long id, @Nullable String assignee) {
        jdbc.sql("UPDATE alert SET assignee = :assignee WHERE id = :id").param("id", id).param("assignee", assignee)
                .update();
    }

    /** @return whether it was open (a resolved alert stays as it was) */
    boolean resolveByHand(long id, String user, Instant at) {
        return jdbc.sql("UPDATE alert SET state = 'resolved', ends_at = :at, resolved_by = :user "
                        + "WHERE id = :id AND state <> 'resolved'")
                .param("id", id).param("user", user).param("at", utc(at)).update() == 1;
    }

    Map<String, Map<String, Long>> countsByStateAndSeverity() {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        jdbc.sql("SELECT state, severity, count(*) FROM alert GROUP BY 1, 2").query(rs -> {
            counts.computeIfAbsent(rs.getString(1), s -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
        });
        return counts;
    }

    // --- silences ------------------------------------------------------------------------------------------------

    long insertSilence(Map<String, String> matchers, Instant startsAt, Instant endsAt, String user, String comment,
            Instant now) {
        return jdbc.sql("""
                        INSERT INTO alert_silence (matchers, starts_at, ends_at, created_by, comment, created_at)
                        VALUES (CAST(:matchers AS jsonb), :starts, :ends, :user, :comment, :now) RETURNING id""")
                .param("matchers", json.writeValueAsString(matchers)).param("starts", utc(startsAt))
                .param("ends", utc(endsAt)).param("user", user).param("comment", comment).param("now", utc(now))
                .query(Long.class).single();
    }

    /** Silences that have not ended by {@code now}, soonest first. */
    List<Silence> silences(Instant now) {
        return jdbc.sql("SELECT id, matchers, starts_at, ends_at, created_by, comment, created_at FROM alert_silence "
                        + "WHERE ends_at > :now ORDER BY starts_at, id")
                .param("now", utc(now))
                .query((rs, i) -> silence(rs))
                .list();
    }

    Optional<Silence> silence(long id) {
        return jdbc.sql("SELECT id, matchers, starts_at, ends_at, created_by, comment, created_at FROM alert_silence "
                        + "WHERE id = :id")
                .param("id", id)
                .query((rs, i) -> silence(rs))
                .optional();
    }

    boolean deleteSilence(long id) {
        return jdbc.sql("DELETE FROM alert_silence WHERE id = :id").param("id", id).update() == 1;
    }

    // --- mapping -------------------------------------------------------------------------------------------------

    private Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong("id"), rs.getString("rule"),
                AlertState.valueOf(rs.getString("state").toUpperCase()),
                Severity.fromWire(rs.getString("severity")).orElse(Severity.INFO), rs.getString("province"),
                json.readValue(rs.getString("labels"), new TypeReference<Map<String, String>>() { }),
                members(rs.getString("members")), (Double) rs.getObject("value"),
                new Text(rs.getString("summary_vi"), rs.getString("summary_en")),
                Evidence.of(rs.getString("evidence_view"), rs.getString("evidence")),
                instant(rs, rs.findColumn("starts_at")), nullableInstant(rs, rs.findColumn("fired_at")),
                nullableInstant(rs, rs.findColumn("ends_at")), rs.getString("acknowledged_by"),
                nullableInstant(rs, rs.findColumn("acknowledged_at")), rs.getString("assignee"),
                rs.getString("resolved_by"));
    }

    private Silence silence(ResultSet rs) throws SQLException {
        return new Silence(rs.getLong(1), json.readValue(rs.getString(2), new TypeReference<Map<String, String>>() { }),
                instant(rs, 3), instant(rs, 4), rs.getString(5), rs.getString(6), instant(rs, 7));
    }

    private List<Alert.Member> members(String text) {
        return json.readValue(text, new TypeReference<List<Alert.Member>>() { });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Object utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
