-- One b-tree in person order (WITHOUT ROWID, written here by hand: drizzle cannot declare it):
-- a rowid table would add a second tree in insertion order that no reader uses. No foreign key:
-- its rows are written only with the id of the access-log row just inserted, and the check made
-- the one insert of a row's persons four times as slow.
CREATE TABLE `audit_log_persons` (
	`person_id` integer NOT NULL,
	`audit_id` integer NOT NULL,
	PRIMARY KEY(`person_id`, `audit_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER audit_log_persons_no_update BEFORE UPDATE ON audit_log_persons
BEGIN
  SELECT RAISE(ABORT, 'audit_log_persons is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_persons_no_delete BEFORE DELETE ON audit_log_persons
BEGIN
  SELECT RAISE(ABORT, 'audit_log_persons is append-only');
END;
--> statement-breakpoint
-- Reads logged before this table kept the persons they showed only in the row's JSON.
INSERT OR IGNORE INTO audit_log_persons (person_id, audit_id)
SELECT CAST(j.value AS INTEGER), a.id FROM audit_log a, json_each(a.changes, '$.personIds') j
WHERE a.entity IN ('person_search', 'caseload_export') AND json_valid(a.changes) AND j.value IS NOT NULL;
--> statement-breakpoint
INSERT OR IGNORE INTO audit_log_persons (person_id, audit_id)
SELECT p.person_id, a.id FROM audit_log a, json_each(a.changes, '$.ptriIds') j JOIN ptris p ON p.id = j.value
WHERE a.entity IN ('ptri_list', 'report_reviews_due', 'intervention_list') AND json_valid(a.changes);
