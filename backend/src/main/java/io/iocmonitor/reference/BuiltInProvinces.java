package io.iocmonitor.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The 34 provinces of Resolution 202/2025/QH15, read from the copy of {@code provinces.csv} built into the product.
 */
public final class BuiltInProvinces {

    private static final String RESOURCE = "/reference/provinces.csv";

    private BuiltInProvinces() {
    }

    public static List<Province> load() {
        try (InputStream in = BuiltInProvinces.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in reference data " + RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    // Columns: code,name_vi,name_ascii,type,merged_from,communes; no field contains a comma.
    private static List<Province> parse(BufferedReader reader) throws IOException {
        List<Province> provinces = new ArrayList<>();
        String header = reader.readLine();
        if (header == null || !header.startsWith("code,name_vi,name_ascii")) {
            throw new IllegalStateException(RESOURCE + ": unexpected header " + header);
        }
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            provinces.add(new Province(f[0], f[1], f[2], Integer.parseInt(f[5])));
        }
        return List.copyOf(provinces);
    }
}
