-- Files and WhatsApp media (decision 0014).

-- The blob store keeps each distinct content of an organization once, under a key made from its
-- SHA-256, so several blobs rows (a photo sent twice, an upload forwarded on WhatsApp) may name
-- the same file. The key stops being unique; lookups by key stay fast.
alter table blobs drop constraint blobs_storage_key_key;
create index blobs_storage_key_idx on blobs (storage_key);

-- The Cloud API media id of an outbound file once it is uploaded, so a send tried again after a
-- failure does not upload the file a second time. Gone with the attempts row when the message is
-- sent or failed.
alter table whatsapp_send_attempts add column media_id text;
