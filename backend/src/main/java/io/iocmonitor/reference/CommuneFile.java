package io.iocmonitor.reference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A file of commune-level units: a CSV or spreadsheet ({@link TableFile}) in one of the layouts of
 * {@link CommuneLayout}, told by its header row. Bad rows are refused one by one with a reason naming the line and
 * the field; the good ones are kept.
 */
public final class CommuneFile {

    /** The outcome of reading a file: the valid communes and one message per refused row. */
    public record Parsed(List<Commune> communes, List<String> rejected) {
    }

    private CommuneFile() {
    }

    /**
     * @throws IOException when the file cannot be read as a table or its header row is not one of the layouts
     */
    public static Parsed parse(String source, byte[] content, Predicate<String> isProvince) throws IOException {
        Iterator<TableFile.Row> rows = TableFile.read(source, content).iterator();
        TableFile.Row header = null;
        while (rows.hasNext() && header == null) {
            TableFile.Row row = rows.next();
            // a spreadsheet may carry a title line above its header
            if (row.cells().stream().filter(cell -> !cell.isBlank()).count() > 1) {
                header = row;
            }
        }
        CommuneLayout layout = header == null ? null : CommuneLayout.of(header.cells()).orElse(null);
        if (layout == null) {
            throw new IOException(source + ": the header row must be " + CommuneLayout.EXPECTED + ", not "
                    + (header == null ? "an empty file" : "\"" + String.join(",", header.cells()) + "\""));
        }
        List<Commune> communes = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (rows.hasNext()) {
            TableFile.Row row = rows.next();
            if (row.isBlank()) {
                continue;
            }
            CommuneLayout.Read read = layout.read(row.cells(), isProvince);
            String problem = read.problem();
            if (problem == null && !seen.add(read.commune().code())) {
                problem = layout.codeLabel() + " " + read.commune().code() + " appears twice";
            }
            if (problem != null) {
                rejected.add(source + " " + row.position() + ": " + problem);
            } else {
                communes.add(read.commune());
            }
        }
        return new Parsed(communes, rejected);
    }
}
