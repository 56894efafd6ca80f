CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ptri_id` integer NOT NULL,
	`date` text NOT NULL,
	`living` text NOT NULL,
	`work` text NOT NULL,
	`note` text,
	`recorded_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_ups_ptri_idx` ON `follow_ups` (`ptri_id`,`date`);--> statement-breakpoint
CREATE INDEX `follow_ups_date_idx` ON `follow_ups` (`date`,`ptri_id`);--> statement-breakpoint
ALTER TABLE `evaluations` ADD `living` text;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `work` text;--> statement-breakpoint
CREATE INDEX `evaluations_date_idx` ON `evaluations` (`date`,`ptri_id`);--> statement-breakpoint
ALTER TABLE `ptris` ADD `renews_ptri_id` integer;