-- A first sync reads a snapshot, and the feed can be compacted (decision 0034).
-- How far back the feed is whole: compaction prunes superseded entries up to this position, and a
-- cursor behind it is told to reset (its desktop then reads a snapshot). One row; (0, 0) until the
-- first compaction.
create table sync_feed_horizon (
    txid       xid8        not null,
    id         bigint      not null,
    pruned_at  timestamptz,
    only_row   boolean     not null default true primary key check (only_row)
);
insert into sync_feed_horizon (txid, id) values ('0'::xid8, 0);

-- Compaction finds entries older than the retention by when they were written.
create index sync_changes_changed_at_idx on sync_changes (changed_at);
