ALTER TABLE `budget_lines` ADD `decided_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `budget_lines` ADD `decided_on` text;--> statement-breakpoint
ALTER TABLE `budget_lines` ADD `decision_note` text;