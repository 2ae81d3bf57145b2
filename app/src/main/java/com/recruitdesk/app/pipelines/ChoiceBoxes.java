package com.recruitdesk.app.pipelines;

import com.recruitdesk.protocol.pipelines.ApplicationFields;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** A choice of a field's allowed values, shown by their labels ("Open to discussion"), "—" for none. */
final class ChoiceBoxes {
    private ChoiceBoxes() {}

    static ComboBox<String> of(List<String> allowed, String value) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().add("");
        box.getItems().addAll(allowed);
        box.setValue(value);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? "—" : ApplicationFields.label(s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        return box;
    }
}
