package com.recruitdesk.app.widgets;

import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.input.KeyEvent;

/**
 * A pane's keyboard shortcuts, handled before its controls see the keys. A key press the pane
 * handles is consumed together with the character it would type: a shortcut that moves the focus
 * to a text field (R: reply) must not leave its letter in that field, which receives the typed
 * character after the press.
 */
public final class ShortcutKeys {
    private ShortcutKeys() {}

    /**
     * {@code pressed} sees every key press under {@code root} and returns true for one it handled;
     * {@code typed} sees the characters typed (for shortcuts such as {@code ?} that are characters,
     * not keys) and returns true for one it handled.
     */
    public static void install(Node root, Predicate<KeyEvent> pressed, Predicate<KeyEvent> typed) {
        boolean[] swallowNextTyped = {false};
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            swallowNextTyped[0] = false;
            if (pressed.test(e)) {
                e.consume();
                swallowNextTyped[0] = true;
            }
        });
        root.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowNextTyped[0]) {
                swallowNextTyped[0] = false;
                e.consume();
            } else if (typed.test(e)) {
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_RELEASED, e -> swallowNextTyped[0] = false);
    }
}
