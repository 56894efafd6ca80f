ALTER TABLE `budget_lines` ADD `confirmation` text;--> statement-breakpoint
-- No social worker ever recorded a decision on the lines written before: every one is proposed
-- (as migration 0051 invented no signatures); the demo seed writes its own mix.
UPDATE `budget_lines` SET `confirmation` = 'proposed' WHERE `source` = 'social_services';
