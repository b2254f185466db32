package io.iocmonitor.ui;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/**
 * A table that can be exported: columns are added to the grid and to the export at once, so the file always has
 * what the screen shows; {@link #links()} gives the CSV and Excel download links. The rows exported are the ones the
 * view loaded through the scoped services, so an export never holds more than the user may see.
 */
final class ExportLinks<T> {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Grid<T> grid;
    private final String name;
    private final List<ExportColumn<T>> columns = new ArrayList<>();
    private Supplier<List<T>> rows = List::of;

    /** @param name the table's id, used for the link ids ({@code <name>-csv}) and the file names */
    ExportLinks(Grid<T> grid, String name) {
        this.grid = grid;
        this.name = name;
        grid.setId(name);
    }

    /** Adds a column shown as {@code text} and exported as {@code value}. */
    Grid.Column<T> column(String header, Function<T, @Nullable Object> value, Function<T, String> text) {
        columns.add(new ExportColumn<>(header, value));
        return grid.addColumn(text::apply).setHeader(header).setResizable(true);
    }

    /** Adds a column shown and exported as the same text. */
    Grid.Column<T> column(String header, Function<T, String> text) {
        return column(header, text::apply, text);
    }

    /** Shows the rows in the grid and keeps them for the export. */
    void setItems(List<T> items) {
        rows = () -> items;
        grid.setItems(items);
    }

    HorizontalLayout links() {
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = TableExport.csv(columns, rows.get());
            return new DownloadResponse(new ByteArrayInputStream(bytes), name + ".csv", "text/csv;charset=UTF-8",
                    bytes.length);
        }), "CSV");
        csv.setId(name + "-csv");
        Anchor xlsx = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = TableExport.xlsx(name, columns, rows.get());
            return new DownloadResponse(new ByteArrayInputStream(bytes), name + ".xlsx", XLSX, bytes.length);
        }), "Excel");
        xlsx.setId(name + "-xlsx");
        HorizontalLayout links = new HorizontalLayout(csv, xlsx);
        links.addClassName("export-links");
        return links;
    }
}
