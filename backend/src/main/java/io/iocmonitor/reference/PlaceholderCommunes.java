package io.iocmonitor.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated commune-level units for a province when no communes file has been imported: the real count,
 * codes made of the province code and a three-digit index ({@code 01001} … {@code 01126}).
 */
public final class PlaceholderCommunes {

    public static final String TYPE = "placeholder";

    private PlaceholderCommunes() {
    }

    public static List<Commune> of(Province province) {
        List<Commune> communes = new ArrayList<>(province.communes());
        for (int i = 1; i <= province.communes(); i++) {
            String code = province.code() + String.format("%03d", i);
            communes.add(new Commune(code, "Xã " + province.nameAscii() + " " + i, province.code(), TYPE));
        }
        return communes;
    }
}
