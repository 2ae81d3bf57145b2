package com.recruitdesk.app.pane;

import javafx.scene.Node;

/**
 * A part of one feature that another feature's pane shows over itself, handed over by the app's
 * composition ({@code Features}) so that neither feature knows the other: the canned responses
 * dialog of Conversations, opened from Administration. {@code view} is laid over the pane and shows
 * itself when {@code open} runs.
 */
public record Overlay(Node view, Runnable open) {}
