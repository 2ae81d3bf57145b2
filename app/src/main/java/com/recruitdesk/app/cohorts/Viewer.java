package com.recruitdesk.app.cohorts;

import com.recruitdesk.app.api.Unreachable;
import com.recruitdesk.app.blobs.Blobs;
import com.recruitdesk.app.cohorts.data.Pages;
import com.recruitdesk.app.cohorts.data.ReviewItem;
import com.recruitdesk.app.cohorts.data.ViewedFile;
import com.recruitdesk.app.common.TaskExecutor;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Gets documents on screen: fetches the file (or takes this computer's copy), hashes its bytes,
 * opens and renders its pages on the render line, and prepares the next documents of the queue
 * while the reviewer looks at this one, so the next is shown the moment this one is decided.
 */
final class Viewer {
    /** A document opened: its file as hashed, its pages, and pages rendered already (by page and zoom). */
    private record Prepared(UUID documentId, ViewedFile file, Pages pages, Map<String, Pages.Page> rendered) {}

    private final Blobs blobs;
    private final ExecutorService line;
    private final TaskExecutor tasks;
    private final BiConsumer<ReviewItem, Pages.Page> shown;
    private final Consumer<String> message;
    /** Touched on the render line only. */
    private final Map<UUID, Prepared> prepared = new HashMap<>();
    /** First pages ready to show at once (prepared ahead), by document, with the zoom they were drawn at. */
    private record Ready(ViewedFile file, Pages.Page page, double zoom) {}

    private final Map<UUID, Ready> ready = new ConcurrentHashMap<>();
    /** The files whose pages are on screen now, by document: what a decision may name. */
    private final Map<UUID, ViewedFile> onScreen = new ConcurrentHashMap<>();

    private volatile UUID wanted;

    Viewer(
            Blobs blobs,
            ExecutorService line,
            TaskExecutor tasks,
            BiConsumer<ReviewItem, Pages.Page> shown,
            Consumer<String> message) {
        this.blobs = blobs;
        this.line = line;
        this.tasks = tasks;
        this.shown = shown;
        this.message = message;
    }

    /** Shows page 1 of {@code item} (null: nothing) and prepares {@code upcoming}. */
    void show(ReviewItem item, double zoom, List<ReviewItem> upcoming) {
        onScreen.clear();
        wanted = item == null ? null : item.documentId();
        if (item == null) {
            return;
        }
        List<ReviewItem> next = List.copyOf(upcoming);
        Ready now = ready.get(item.documentId());
        boolean shownAlready = now != null && now.zoom() == zoom;
        if (shownAlready) { // prepared while the reviewer looked at the one before: no wait
            onScreen.put(item.documentId(), now.file());
            shown.accept(item, now.page());
        }
        submit(() -> {
            if (!item.documentId().equals(wanted)) {
                return; // the reviewer moved on before we got to it
            }
            if (!shownAlready) {
                display(item, 0, zoom);
            }
            Set<UUID> keep = new HashSet<>(Set.of(item.documentId()));
            for (ReviewItem n : next) {
                keep.add(n.documentId());
                try {
                    page(prepare(n), 0, zoom);
                } catch (Exception e) {
                    // prepared when it is shown instead, with the reason then
                }
            }
            prepared.keySet().removeIf(id -> {
                if (keep.contains(id)) {
                    return false;
                }
                closeQuietly(prepared.get(id));
                ready.remove(id);
                return true;
            });
        });
    }

    /** Renders another page or zoom of the document on screen. */
    void render(ReviewItem item, int index, double zoom) {
        submit(() -> display(item, index, zoom));
    }

    /** The file of {@code item} as hashed, if its pages are on screen. */
    ViewedFile viewed(ReviewItem item) {
        return item == null ? null : onScreen.get(item.documentId());
    }

    private void display(ReviewItem item, int index, double zoom) {
        try {
            Prepared p = prepare(item);
            Pages.Page page = page(p, index, zoom);
            tasks.onUi(() -> {
                if (item.documentId().equals(wanted)) {
                    onScreen.put(item.documentId(), p.file());
                    shown.accept(item, page);
                }
            });
        } catch (Unreachable e) {
            say(item, "This file is not on this computer yet, and the server cannot be reached.");
        } catch (IOException e) {
            say(item, "This file cannot be shown: " + e.getMessage());
        } catch (Exception e) {
            say(item, "This file could not be fetched: " + e.getMessage());
        }
    }

    private void say(ReviewItem item, String text) {
        tasks.onUi(() -> {
            if (item.documentId().equals(wanted)) {
                message.accept(text);
            }
        });
    }

    private Prepared prepare(ReviewItem item) throws Exception {
        Prepared p = prepared.get(item.documentId());
        if (p == null) {
            ViewedFile file = ViewedFile.fetch(blobs, item);
            p = new Prepared(item.documentId(), file, Pages.open(file.path(), item.isPdf()), new HashMap<>());
            prepared.put(item.documentId(), p);
        }
        return p;
    }

    private Pages.Page page(Prepared p, int index, double zoom) throws IOException {
        String key = index + "@" + zoom;
        Pages.Page page = p.rendered().get(key);
        if (page == null) {
            page = p.pages().render(index, zoom);
            p.rendered().put(key, page);
        }
        if (index == 0) {
            ready.put(p.documentId(), new Ready(p.file(), page, zoom));
        }
        return page;
    }

    private void submit(Runnable work) {
        try {
            line.execute(work);
        } catch (RejectedExecutionException e) {
            // the pane is closing
        }
    }

    private static void closeQuietly(Prepared p) {
        try {
            if (p != null) {
                p.pages().close();
            }
        } catch (IOException e) {
            // nothing left to do with it
        }
    }

    void close() {
        submit(() -> {
            prepared.values().forEach(Viewer::closeQuietly);
            prepared.clear();
            ready.clear();
        });
    }
}
