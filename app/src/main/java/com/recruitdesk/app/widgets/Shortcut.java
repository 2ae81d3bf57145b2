package com.recruitdesk.app.widgets;

/** One line of a pane's keyboard help: the keys as people press them, and what they do. */
public record Shortcut(String keys, String what) {}
