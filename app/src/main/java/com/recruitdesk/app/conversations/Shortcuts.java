package com.recruitdesk.app.conversations;

import com.recruitdesk.app.widgets.Shortcut;
import java.util.List;

/** The pane's keyboard shortcuts, as the help overlay lists them and the pane handles them. */
final class Shortcuts {
    static final List<Shortcut> ALL = List.of(
            new Shortcut("Ctrl+K  or  /", "Search names, numbers and messages"),
            new Shortcut("↓ ↑  or  J K", "Next / previous conversation"),
            new Shortcut("Enter  or  R", "Reply: go to the composer"),
            new Shortcut("N", "Write a private note"),
            new Shortcut("Enter", "Send (in the composer); Shift+Enter for a new line"),
            new Shortcut("/word", "Pick a canned response (at the start of the composer; ⚡ to manage them)"),
            new Shortcut("Esc", "Leave the composer / close this help"),
            new Shortcut("A", "Assign the conversation to me"),
            new Shortcut("E", "Close the conversation, or reopen it"),
            new Shortcut("U", "Mark unread"),
            new Shortcut("?  or  F1", "Show this help"));

    private Shortcuts() {}
}
