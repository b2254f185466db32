package io.iocmonitor.ui;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.select.Select;

import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;

/** A chooser of one province or none ("national"), for the administration's forms. */
class ProvinceSelect extends Select<String> {

    /** The value for "no province": national scope, or a national target. */
    static final String NATIONAL = "";

    ProvinceSelect(String id, ReferenceData reference) {
        setId(id);
        setLabel(getTranslation("column.province"));
        List<String> codes = new ArrayList<>(List.of(NATIONAL));
        reference.provinces().stream().map(Province::code).forEach(codes::add);
        setItems(codes);
        setItemLabelGenerator(c -> c.equals(NATIONAL) ? getTranslation("overview.national")
                : c + " " + reference.province(c).map(Province::name).orElse(""));
        setValue(NATIONAL);
    }

    /** The chosen province, or {@code null} for national. */
    @Nullable String province() {
        return getValue() == null || getValue().equals(NATIONAL) ? null : getValue();
    }

    void setProvince(@Nullable String code) {
        setValue(code == null ? NATIONAL : code);
    }
}
