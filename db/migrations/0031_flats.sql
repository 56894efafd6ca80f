CREATE TABLE `flat_interventions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flat_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`date` text NOT NULL,
	`month` text NOT NULL,
	`activity_id` integer NOT NULL,
	`minutes` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`operator_role` text NOT NULL,
	`notes` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `flat_interventions_flat_idx` ON `flat_interventions` (`flat_id`,`date`);--> statement-breakpoint
CREATE INDEX `flat_interventions_coop_month_idx` ON `flat_interventions` (`cooperative_id`,`month`);--> statement-breakpoint
CREATE TABLE `flat_stays` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flat_id` integer NOT NULL,
	`ptri_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`destination` text,
	`note` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `flat_stays_flat_idx` ON `flat_stays` (`flat_id`,`from_date`);--> statement-breakpoint
CREATE INDEX `flat_stays_person_idx` ON `flat_stays` (`person_id`,`from_date`);--> statement-breakpoint
CREATE INDEX `flat_stays_ptri_idx` ON `flat_stays` (`ptri_id`);--> statement-breakpoint
CREATE TABLE `flats` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`district_id` integer NOT NULL,
	`address` text NOT NULL,
	`places` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`opened_on` text NOT NULL,
	`closed_on` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `flats_district_idx` ON `flats` (`district_id`,`id`);--> statement-breakpoint
CREATE INDEX `flats_cooperative_idx` ON `flats` (`cooperative_id`,`id`);--> statement-breakpoint
ALTER TABLE `lot_cooperatives` ADD `executing` integer DEFAULT false NOT NULL;