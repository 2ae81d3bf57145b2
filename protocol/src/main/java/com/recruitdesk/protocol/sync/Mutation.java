package com.recruitdesk.protocol.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** A named intent made by a client, with a client-made id that makes it apply at most once. */
public record Mutation(UUID id, String name, ObjectNode args, Instant clientTime) {}
