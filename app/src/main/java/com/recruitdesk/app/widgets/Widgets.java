package com.recruitdesk.app.widgets;

import java.util.Objects;

/** The stylesheet of the shared widgets; the main window's scene carries it, so every pane may use them. */
public final class Widgets {
    public static final String STYLESHEET =
            Objects.requireNonNull(Widgets.class.getResource("widgets.css")).toExternalForm();

    private Widgets() {}
}
