CREATE TABLE `community_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`axis` text NOT NULL,
	`district_id` integer NOT NULL,
	`place` text NOT NULL,
	`cooperative_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`description` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `community_activities_district_idx` ON `community_activities` (`district_id`,`axis`,`id`);--> statement-breakpoint
CREATE INDEX `community_activities_axis_idx` ON `community_activities` (`axis`,`id`);--> statement-breakpoint
CREATE INDEX `community_activities_coop_idx` ON `community_activities` (`cooperative_id`,`id`);--> statement-breakpoint
CREATE TABLE `community_activity_period_persons` (
	`period` text NOT NULL,
	`activity_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`attendances` integer NOT NULL,
	PRIMARY KEY(`period`, `activity_id`, `person_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `community_activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `community_activity_periods` (
	`period` text NOT NULL,
	`activity_id` integer NOT NULL,
	`sessions` integer NOT NULL,
	`minutes` integer NOT NULL,
	`billed_minutes` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`attendances` integer NOT NULL,
	`other_participants` integer NOT NULL,
	`volunteers` integer NOT NULL,
	PRIMARY KEY(`period`, `activity_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `community_activities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `community_attendances` (
	`session_id` integer NOT NULL,
	`ptri_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`session_id`, `ptri_id`),
	FOREIGN KEY (`session_id`) REFERENCES `community_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `community_attendances_ptri_idx` ON `community_attendances` (`ptri_id`,`session_id`);--> statement-breakpoint
CREATE TABLE `community_enrolments` (
	`activity_id` integer NOT NULL,
	`ptri_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`enrolled_on` text NOT NULL,
	`ended_on` text,
	`enrolled_by` integer,
	PRIMARY KEY(`activity_id`, `ptri_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `community_activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enrolled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `community_enrolments_ptri_idx` ON `community_enrolments` (`ptri_id`,`activity_id`);--> statement-breakpoint
CREATE TABLE `community_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`date` text NOT NULL,
	`month` text NOT NULL,
	`minutes` integer NOT NULL,
	`operators` integer NOT NULL,
	`billed_minutes` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`other_participants` integer NOT NULL,
	`volunteers` integer NOT NULL,
	`note` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `community_activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `community_sessions_activity_idx` ON `community_sessions` (`activity_id`,`date`);--> statement-breakpoint
CREATE INDEX `community_sessions_coop_month_idx` ON `community_sessions` (`cooperative_id`,`month`);--> statement-breakpoint
CREATE INDEX `community_sessions_date_idx` ON `community_sessions` (`date`);