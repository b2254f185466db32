package io.iocmonitor.collector.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * The administrative-procedure system adapter against a local HTTP server standing in for a provincial system's API:
 * {@code GET /api/ho-so?tuId=<seq>&soLuong=<n>} answers {@code {"duLieu": [records with seq > tuId, at most n]}};
 * {@code GET /api/cap-nhat?tuThoiGian=<time>&soLuong=<n>} pages by update time instead (records after that time, or
 * at or after it when {@link #inclusiveTime} is set), where many records may share one time.
 */
class DossierApiSourceTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> records = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int failWith;
    private volatile boolean inclusiveTime;

    @BeforeEach
    void startApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/ho-so", this::answer);
        server.createContext("/api/cap-nhat", this::answerByTime);
        server.start();
    }

    @AfterEach
    void stopApi() {
        server.stop(0);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        requests.add(query.get("tuId"));
        byte[] body;
        int status = failWith == 0 ? 200 : failWith;
        if (status == 200) {
            long since = Long.parseLong(query.get("tuId"));
            int limit = Integer.parseInt(query.get("soLuong"));
            List<String> page = new ArrayList<>();
            synchronized (records) {
                for (int i = (int) since; i < records.size() && page.size() < limit; i++) {
                    page.add(records.get(i));
                }
            }
            body = ("{\"tong\":" + records.size() + ",\"duLieu\":[" + String.join(",", page) + "]}")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            body = "busy".getBytes(StandardCharsets.UTF_8);
        }
        send(exchange, status, body);
    }

    /** Records in update-time order (then seq, as a database's ORDER BY updated_at, id), after or at the time. */
    private void answerByTime(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        String since = query.get("tuThoiGian");
        int limit = Integer.parseInt(query.get("soLuong"));
        requests.add(since + " " + limit);
        List<String> page = new ArrayList<>();
        synchronized (records) {
            for (String record : records) {
                int order = updatedAt(record).compareTo(since);
                if ((order > 0 || (order == 0 && inclusiveTime)) && page.size() < limit) {
                    page.add(record);
                }
            }
        }
        send(exchange, 200, ("{\"duLieu\":[" + String.join(",", page) + "]}").getBytes(StandardCharsets.UTF_8));
    }

    private static String updatedAt(String record) {
        int at = record.indexOf("\"capNhat\":\"") + "\"capNhat\":\"".length();
        return record.substring(at, record.indexOf('"', at));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Adds {@code count} receptions updated at {@code time} (all in one second: a bulk import). */
    private void addUpdatedAt(String time, int count) {
        synchronized (records) {
            for (int i = 0; i < count; i++) {
                String more = "\"capNhat\":\"" + time + "\",\"kenh\":\"TRUC_TUYEN\",\"toanTrinh\":1,"
                        + "\"hanXuLy\":\"2025-10-20 17:00:00\",\"soHoa\":true,\"thanhToan\":\"KHONG_PHI\"";
                records.add(record("HS-" + (records.size() + 1), "01001", "TIEP_NHAN", more));
            }
        }
    }

    /** Adds records: for each dossier a reception, an intermediate step (no event) and a completion. */
    private void addDossiers(int count) {
        synchronized (records) {
            for (int d = 0; d < count; d++) {
                String dossier = "HS-" + (records.size() / 3 + 1);
                String commune = "0100" + (1 + d % 5);
                records.add(record(dossier, commune, "TIEP_NHAN", "\"kenh\":\"TRUC_TUYEN\",\"toanTrinh\":1,"
                        + "\"hanXuLy\":\"2025-10-20 17:00:00\",\"soHoa\":true,\"thanhToan\":\"KHONG_PHI\""));
                records.add(record(dossier, commune, "DANG_XU_LY", ""));
                records.add(record(dossier, commune, "HOAN_THANH", "\"ketQuaDienTu\":\"1\",\"kySo\":false"));
            }
        }
    }

    private String record(String dossier, String commune, String status, String more) {
        int seq = records.size() + 1;
        return "{\"seq\":" + seq + ",\"maHoSo\":\"" + dossier + "\",\"thuTuc\":{\"ma\":\"1.004227\"},\"trangThai\":\""
                + status + "\",\"thoiGian\":\"2025-10-14 09:" + String.format("%02d", seq % 60) + ":00\",\"maXa\":\""
                + commune + "\"" + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private Source source() throws IOException {
        return source("ho-so", "{param: tuId, field: seq, start: \"0\"}", 100);
    }

    private Source sourceByTime(boolean inclusive, int maxPages) throws IOException {
        return source("cap-nhat", "{param: tuThoiGian, field: capNhat, start: \"2025-10-14T00:00:00+07:00\","
                + " inclusive: " + inclusive + "}", maxPages);
    }

    private Source source(String path, String cursor, int maxPages) throws IOException {
        return TestConfig.source(dir, """
                sources:
                  - type: dossier-api
                    name: dvc
                    interval: 1m
                    url: http://127.0.0.1:%d/api/%s
                    headers: {Authorization: Bearer test}
                    records: duLieu
                    pageSize: 50
                    pageSizeParam: soLuong
                    maxPages: %d
                    cursor: %s
                    fields:
                      dossierId: maHoSo
                      procedureCode: thuTuc.ma
                      event: trangThai
                      ts: thoiGian
                      commune: maXa
                      channel: kenh
                      fullProcess: toanTrinh
                      dueAt: hanXuLy
                      digitized: soHoa
                      payment: thanhToan
                      eResult: ketQuaDienTu
                      eSigned: kySo
                    values:
                      event: {TIEP_NHAN: received, HOAN_THANH: completed, HUY: cancelled}
                      channel: {TRUC_TUYEN: online, TRUC_TIEP: offline}
                      payment: {TRUC_TUYEN: online, TAI_QUAY: offline, KHONG_PHI: none}
                """.formatted(server.getAddress().getPort(), path, maxPages, cursor));
    }

    @Test
    void pagesThroughTheApiAndMapsRecordsToDossierEvents() throws Exception {
        addDossiers(40); // 120 records, 80 of them life-cycle steps
        RecordingSink sink = new RecordingSink();
        source().poll(sink);

        // after a full page the adapter asks again from the record before the last (and skips that one): the API's
        // since is "after", and a record sharing the last one's cursor value could follow past the page
        assertThat(requests).as("pages while they are full").containsExactly("0", "49", "99");
        assertThat(sink.events).hasSize(80);
        assertThat(sink.events.getFirst().topic()).isEqualTo("ioc/v1/01/01001/dossier");
        JsonNode received = sink.bodies().getFirst();
        assertThat(received.get("dossierId").asString()).isEqualTo("HS-1");
        assertThat(received.get("procedureCode").asString()).isEqualTo("1.004227");
        assertThat(received.get("event").asString()).isEqualTo("received");
        assertThat(received.get("ts").asString()).isEqualTo("2025-10-14T09:01:00+07:00");
        assertThat(received.get("dueAt").asString()).isEqualTo("2025-10-20T17:00:00+07:00");
        assertThat(received.get("channel").asString()).isEqualTo("online");
        assertThat(received.get("fullProcess").asBoolean()).isTrue();
        assertThat(received.get("digitized").asBoolean()).isTrue();
        assertThat(received.get("payment").asString()).isEqualTo("none");
        assertThat(received.has("commune")).as("the commune goes in the topic").isFalse();
        JsonNode completed = sink.bodies().get(1);
        assertThat(completed.get("event").asString()).isEqualTo("completed");
        assertThat(completed.get("eResult").asBoolean()).isTrue();
        assertThat(completed.get("eSigned").asBoolean()).isFalse();
        assertThat(sink.bodies().stream().map(b -> b.get("id").asString()).distinct()).hasSize(80);
        assertThat(Files.readString(dir.resolve("state/dvc.cursor"))).isEqualTo("120");
    }

    @Test
    void aRestartedAdapterResumesFromItsSavedCursor() throws Exception {
        addDossiers(20);
        source().poll(new RecordingSink());
        addDossiers(5);
        requests.clear();

        RecordingSink afterRestart = new RecordingSink();
        source().poll(afterRestart); // a new instance, as after a restart of the collector
        assertThat(requests.getFirst()).isEqualTo("60");
        assertThat(afterRestart.events).as("requests %s", requests).hasSize(10);
        assertThat(afterRestart.bodies().getFirst().get("dossierId").asString()).isEqualTo("HS-21");
    }

    @Test
    void whenTheRecordsEndWithAFullPageTheCursorStillSettlesOnTheLastValue() throws Exception {
        addDossiers(50); // 150 records: three full pages
        RecordingSink sink = new RecordingSink();
        source().poll(sink);
        assertThat(sink.events).hasSize(100);
        assertThat(Files.readString(dir.resolve("state/dvc.cursor"))).as("requests %s", requests).isEqualTo("150");
    }

    @Test
    void aPageNotStoredIsReadAgainWithTheSameEventIds() throws Exception {
        addDossiers(40);
        RecordingSink reference = new RecordingSink();
        Source first = source();
        first.poll(reference);
        Files.delete(dir.resolve("state/dvc.cursor"));

        RecordingSink failing = new RecordingSink();
        failing.appendsBeforeFailure = 1; // the queue takes page 1, then the disk fails
        assertThatThrownBy(() -> source().poll(failing)).hasMessageContaining("disk full");
        assertThat(Files.readString(dir.resolve("state/dvc.cursor"))).as("the cursor stays after page 1")
                .isEqualTo("49\nskip=1");

        RecordingSink resumed = new RecordingSink();
        source().poll(resumed);
        List<String> ids = new ArrayList<>(failing.bodies().stream().map(b -> b.get("id").asString()).toList());
        ids.addAll(resumed.bodies().stream().map(b -> b.get("id").asString()).toList());
        assertThat(ids).as("the same events with the same ids, nothing lost")
                .containsExactlyElementsOf(reference.bodies().stream().map(b -> b.get("id").asString()).toList());
    }

    @Test
    void anApiErrorNamesTheSourceAndKeepsTheCursor() throws Exception {
        addDossiers(10);
        source().poll(new RecordingSink());
        addDossiers(10);
        failWith = 503;
        assertThatThrownBy(() -> source().poll(new RecordingSink()))
                .isInstanceOf(IOException.class).hasMessageContaining("dvc").hasMessageContaining("HTTP 503");
        assertThat(Files.readString(dir.resolve("state/dvc.cursor"))).isEqualTo("30");
    }

    @Test
    void moreRecordsSharingAnUpdateTimeThanFitInAPageAreAllReadOnce() throws Exception {
        addUpdatedAt("2025-10-14T09:00:00+07:00", 3);
        addUpdatedAt("2025-10-14T09:05:00+07:00", 120); // more than two pages of one time
        addUpdatedAt("2025-10-14T09:06:00+07:00", 7);
        RecordingSink sink = new RecordingSink();
        sourceByTime(false, 100).poll(sink);

        assertThat(dossierIds(sink)).as("requests %s", requests).hasSize(130).doesNotHaveDuplicates();
        assertThat(Files.readString(dir.resolve("state/dvc.cursor"))).isEqualTo("2025-10-14T09:06:00+07:00");

        addUpdatedAt("2025-10-14T09:06:00+07:00", 2); // written in the same second, after the last poll
        addUpdatedAt("2025-10-14T09:07:00+07:00", 4);
        RecordingSink later = new RecordingSink();
        sourceByTime(false, 100).poll(later);
        assertThat(dossierIds(later)).as("only what is after the saved time").hasSize(4)
                .allMatch(id -> Integer.parseInt(id.substring(3)) > 132);
    }

    @Test
    void anInclusiveTimeCursorResumesInsideARunOfEqualTimesAfterEachRestart() throws Exception {
        inclusiveTime = true;
        addUpdatedAt("2025-10-14T09:00:00+07:00", 3);
        addUpdatedAt("2025-10-14T09:05:00+07:00", 120);
        addUpdatedAt("2025-10-14T09:06:00+07:00", 7);
        List<String> read = new ArrayList<>();
        for (int restart = 0; restart < 8; restart++) { // one page per run, each run a new adapter
            RecordingSink sink = new RecordingSink();
            sourceByTime(true, 1).poll(sink);
            read.addAll(dossierIds(sink));
        }
        assertThat(read).as("requests %s", requests).hasSize(130).doesNotHaveDuplicates();
        assertThat(Files.readString(dir.resolve("state/dvc.cursor")))
                .as("the 7 records of 09:06 come first in the next answer: skipped")
                .isEqualTo("2025-10-14T09:06:00+07:00\nskip=7");
    }

    private static List<String> dossierIds(RecordingSink sink) {
        return sink.bodies().stream().map(b -> b.get("dossierId").asString()).toList();
    }
}
