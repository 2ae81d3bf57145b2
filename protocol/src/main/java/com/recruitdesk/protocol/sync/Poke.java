package com.recruitdesk.protocol.sync;

/** Sent on the sync WebSocket when changes newer than {@code cursor}'s predecessors may exist: pull. */
public record Poke(String cursor) {}
