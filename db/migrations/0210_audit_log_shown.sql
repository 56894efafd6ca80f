-- The persons a search, list, report or export showed, as its access-log row was written: one row
-- per read in log order, so that recording a read dirties the table's last page however many
-- persons it showed (an insert in person order dirtied one page per person). The server moves
-- these rows into audit_log_persons a few thousand persons at a time (server/src/audit/person-index.ts);
-- until then a person's lookup reads them here.
CREATE TABLE `audit_log_shown` (
	`audit_id` integer PRIMARY KEY NOT NULL,
	`persons` integer NOT NULL,
	`person_ids` text NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER audit_log_shown_no_update BEFORE UPDATE ON audit_log_shown
BEGIN
  SELECT RAISE(ABORT, 'audit_log_shown is append-only: rows leave it only for audit_log_persons');
END;
--> statement-breakpoint
-- A row leaves only once each of its persons is in audit_log_persons under its access-log row:
-- what a read showed can move, never vanish.
CREATE TRIGGER audit_log_shown_leaves_only_indexed BEFORE DELETE ON audit_log_shown
WHEN EXISTS (
  SELECT 1 FROM json_each(OLD.person_ids) AS shown
  WHERE shown.value IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM audit_log_persons p WHERE p.person_id = shown.value AND p.audit_id = OLD.audit_id)
)
BEGIN
  SELECT RAISE(ABORT, 'audit_log_shown: a row leaves only once its persons are in audit_log_persons');
END;
