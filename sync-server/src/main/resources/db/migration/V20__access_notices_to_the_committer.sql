-- Decision 0056: a transaction that changes someone's access hears it with its own commit's answer
-- from a notice (RAISE NOTICE, raised at commit by a deferred trigger), not from a notification.
-- Before, every pooled connection LISTENed to sync_access to get its own notification back; but a
-- NOTIFY on any channel wakes every listening backend of the database, so each writing transaction
-- (each feed write notifies sync_changes) woke the whole pool: about 0.4 ms of PostgreSQL's CPU per
-- commit on two cores. The pool now listens to nothing; sync_bump_access still notifies sync_access
-- for the poke listener of every server instance, as before.
--
-- The notice is raised at commit (a constraint trigger, initially deferred), so a rolled-back
-- transaction or savepoint raises none, and the driver hands it to the connection with the commit.

create function sync_access_notice_roles() returns trigger language plpgsql as $$
begin
    if tg_op <> 'DELETE' then
        raise notice using message = 'sync_access ' || new.user_id;
    end if;
    if tg_op = 'DELETE' or old.user_id <> new.user_id then
        raise notice using message = 'sync_access ' || old.user_id;
    end if;
    return null;
end
$$;
create constraint trigger sync_access_notice_roles after insert or update or delete on user_roles
    deferrable initially deferred
    for each row execute function sync_access_notice_roles();

create function sync_access_notice_user() returns trigger language plpgsql as $$
begin
    raise notice using message = 'sync_access ' || new.id;
    return null;
end
$$;
create constraint trigger sync_access_notice_user after update of status, organization_id on users
    deferrable initially deferred
    for each row
    when (old.status is distinct from new.status or old.organization_id is distinct from new.organization_id)
    execute function sync_access_notice_user();
