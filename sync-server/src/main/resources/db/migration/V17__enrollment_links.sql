-- Cohorts (seed 004): the student's upload link is made again and sent on WhatsApp from the server,
-- and both are entries of the enrollment's hash-chained trail beside the decisions (decision 0039).

-- A trail entry is a decision on a document (approved, rejected: its document, type and file hash
-- required) or an event of the student's link (link_issued, link_sent: no document).
alter table document_verifications
    drop constraint document_verifications_action_check,
    add constraint document_verifications_action_check
        check (action in ('approved', 'rejected', 'link_issued', 'link_sent')),
    alter column document_type drop not null,
    alter column file_sha256 drop not null,
    add constraint document_verifications_decision_names_its_file
        check (action not in ('approved', 'rejected')
               or (uploaded_document_id is not null and document_type is not null and file_sha256 is not null));
