package com.recruitdesk.app.store;

import java.sql.SQLException;
import java.util.Map;

/**
 * A first sync into a store that holds no server rows is a bulk load (decision 0054): while its pages
 * come, {@code current} keeps only its key, and the indexes panes list it by ({@link
 * StoreSchema#CURRENT_INDEXES}) are made once, from all the rows, in the transaction of the sync's last
 * page. Made row by row, each page rewrote most of their b-trees (rows arrive in random key order).
 * Nothing reads differently without them, only slower: panes list and search the rows so far while
 * the sync runs. WAL checkpoints are fewer meanwhile ({@link #CHECKPOINT_PAGES}). A store opened with a
 * bulk load unfinished (the app was closed or killed mid-sync) makes them at once, so after an open
 * they are always there.
 */
final class BulkLoad {
    /** Meta key present while a bulk load runs, in the same transactions as the indexes' drop and making. */
    static final String KEY = "bulkLoad";

    /**
     * WAL pages (4 KB) between checkpoints while a load runs, against SQLite's 1,000: each page of the
     * sync dirties more than 1,000, so every commit was followed by a checkpoint that wrote (and synced)
     * again the index pages the last one wrote. 40 MB of WAL bounds what the file grows by meanwhile.
     */
    static final int CHECKPOINT_PAGES = 10_000;

    static final int SQLITE_CHECKPOINT_PAGES = 1_000;

    private final Writer writer;

    BulkLoad(Writer writer) {
        this.writer = writer;
    }

    /**
     * In a pulled page's transaction, before its rows: a page that more pages of the same sync follow
     * ({@code more}) starts a bulk load if the store holds no server rows; the last page ends it.
     */
    void beforePage(boolean more) throws SQLException {
        boolean running = running();
        if (!running && more && noServerRows()) {
            for (String index : StoreSchema.CURRENT_INDEXES.keySet()) {
                writer.update("drop index if exists " + index);
            }
            writer.update("insert into meta (key, value) values (?, '1')", KEY);
            running = true;
        }
        // Set at every page, so a page that failed to start a load leaves the usual setting to the next one.
        writer.pragma("wal_autocheckpoint = " + (running ? CHECKPOINT_PAGES : SQLITE_CHECKPOINT_PAGES));
    }

    /** In the same transaction, after the page's rows: the sync's last page makes the indexes. */
    void afterPage(boolean more) throws SQLException {
        if (!more && running()) {
            finish();
        }
    }

    /** On open: a bulk load left unfinished makes its indexes now. */
    void finishInterrupted() {
        writer.inTransaction(() -> {
            if (running()) {
                finish();
            }
        });
    }

    private void finish() throws SQLException {
        for (Map.Entry<String, String> index : StoreSchema.CURRENT_INDEXES.entrySet()) {
            writer.update("create index if not exists " + index.getKey() + " on " + index.getValue());
        }
        writer.update("delete from meta where key = ?", KEY);
        writer.pragma("wal_autocheckpoint = " + SQLITE_CHECKPOINT_PAGES);
    }

    private boolean running() throws SQLException {
        return writer.count("select count(*) from meta where key = ?", KEY) == 1;
    }

    private boolean noServerRows() throws SQLException {
        return writer.count("select not exists (select 1 from rows)"
                        + " and not exists (select 1 from current where pending = 0)")
                == 1;
    }
}
