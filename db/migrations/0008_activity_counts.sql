CREATE TABLE `activity_counts` (
	`period` text NOT NULL,
	`lot_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`users` integer NOT NULL,
	`projects` integer NOT NULL,
	PRIMARY KEY(`period`, `lot_id`, `cooperative_id`, `service_id`)
);
--> statement-breakpoint
CREATE INDEX `ptri_activity_periods_person_idx` ON `ptri_activity_periods` (`period`,`lot_id`,`person_id`,`ptri_id`,`cooperative_id`,`service_id`);