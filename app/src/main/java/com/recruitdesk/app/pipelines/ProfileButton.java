package com.recruitdesk.app.pipelines;

import com.recruitdesk.app.pipelines.data.Detail;
import com.recruitdesk.app.store.RowValues;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** The detail's "Profile" button: opens the master profile of the person whose application is shown. */
final class ProfileButton {
    static final String ID = "detail-profile";

    private ProfileButton() {}

    /** Made once per detail and moved into each new head, like the conversation button. */
    static Button create(ObjectProperty<Detail.View> shown, ProfileViewModel profiles) {
        Button open = new Button("Profile");
        open.setId(ID);
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setTooltip(new Tooltip("The person's master profile: contact, skills, preferences, salary, history"));
        open.disableProperty().bind(shown.map(v -> candidate(v) == null).orElse(true));
        open.setOnAction(e -> {
            UUID person = candidate(shown.get());
            if (person != null) {
                ProfileEditor.openOf(person, open.getScene().getWindow(), profiles);
            }
        });
        return open;
    }

    private static UUID candidate(Detail.View v) {
        return v == null ? null : RowValues.uuid(v.application(), "candidateId");
    }
}
