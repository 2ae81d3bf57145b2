package com.recruitdesk.app.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers this computer has signed in to, the last one first, kept in a small file beside the
 * session, so the sign-in form offers them after a sign-out (it holds addresses only, no secret).
 */
public final class KnownServers {
    /** How many addresses are kept. */
    static final int MAX = 10;

    private final Path file;
    private final ObjectMapper mapper = Json.newMapper();

    public KnownServers(Path file) {
        this.file = file;
    }

    /** The servers signed in to, the last one first; none when the file is missing or unreadable. */
    public synchronized List<String> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> servers = mapper.readValue(Files.readAllBytes(file), new TypeReference<List<String>>() {});
            return servers.stream()
                    .filter(s -> s != null && !s.isBlank())
                    .distinct()
                    .limit(MAX)
                    .toList();
        } catch (IOException e) {
            return List.of(); // a damaged file only costs the suggestions
        }
    }

    /** Puts {@code server} first (once), keeping at most {@link #MAX}; returns the servers now known. */
    public synchronized List<String> remember(String server) throws IOException {
        List<String> next = new ArrayList<>(List.of(server));
        load().stream().filter(s -> !s.equals(server)).limit(MAX - 1).forEach(next::add);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        Files.write(temp, mapper.writeValueAsBytes(next));
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return List.copyOf(next);
    }
}
