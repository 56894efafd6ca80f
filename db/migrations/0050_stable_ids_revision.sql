-- The content revision of each project (signatures belong to one), apart from the lock counter
-- `version`. Budget sources widen to seven (shared/src/domain.ts); the four earlier values keep
-- their meaning, so every existing line keeps its source, and its id, as it is.
ALTER TABLE `ptri_revisions` ADD `revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `ptris` ADD `revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Every saved version so far was a content edit (creation has no changes): the revision it
-- reached is the number of versions up to it that changed something other than the case manager.
UPDATE `ptri_revisions` SET `revision` = (
  SELECT count(*) FROM `ptri_revisions` AS r
  WHERE r.`ptri_id` = `ptri_revisions`.`ptri_id` AND r.`version` <= `ptri_revisions`.`version`
    AND (r.`changes` IS NULL OR json_remove(r.`changes`, '$.caseManagerId') <> '{}')
);--> statement-breakpoint
UPDATE `ptris` SET `revision` = COALESCE((SELECT max(`revision`) FROM `ptri_revisions` WHERE `ptri_id` = `ptris`.`id`), 1);
