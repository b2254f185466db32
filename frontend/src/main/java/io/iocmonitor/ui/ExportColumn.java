package io.iocmonitor.ui;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One column of a table as exported: its header, and its cell as data (a {@link Number} stays a number in Excel;
 * rates are exported as fractions, as in the API), or text.
 */
record ExportColumn<T>(String header, Function<T, @Nullable Object> value) {
}
