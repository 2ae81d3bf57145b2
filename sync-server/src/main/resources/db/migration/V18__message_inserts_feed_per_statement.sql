-- Decision 0050: the messages an insert statement writes reach the change feed in one statement.
-- A push batch inserts its replies 500 rows at a time (decision 0048); a trigger per row made 500
-- calls of sync_record_change, 500 single-row inserts into sync_changes and 500 notifications.
-- The entries are the same as the row trigger's (staff of the organization, the row as to_jsonb,
-- in the order the rows were inserted); updates and deletes keep the row trigger.
--
-- Do not call sync_scope('messages', ...): it would put back a row trigger for inserts too, and
-- every inserted message would be in the feed twice. Change sync_record_message_inserts instead.

create function sync_record_message_inserts() returns trigger language plpgsql as $$
begin
    insert into sync_changes (entity, row_id, op, version, organization_id, staff, user_ids, institution_ids, data)
    select tg_argv[0], n.id, 'upsert', n.version, n.organization_id, true, '{}', '{}', to_jsonb(n)
      from inserted n;
    perform pg_notify('sync_changes', o.organization_id::text)
       from (select distinct organization_id from inserted) o;
    return null;
end
$$;

drop trigger sync_record_change on messages;
create trigger sync_record_change after update or delete on messages
    for each row execute function sync_record_change('message');
create trigger sync_record_message_inserts after insert on messages
    referencing new table as inserted
    for each statement execute function sync_record_message_inserts('message');
