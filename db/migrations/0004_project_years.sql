CREATE TABLE `calendar_years` (
	`year` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ptri_years` (
	`ptri_id` integer NOT NULL,
	`year` integer NOT NULL,
	`lot_number` integer NOT NULL,
	`service_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`ptri_id`, `year`),
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ptri_years_person_idx` ON `ptri_years` (`year`,`lot_number`,`person_id`,`service_id`);--> statement-breakpoint
CREATE TABLE `yearly_lot_users` (
	`year` integer NOT NULL,
	`lot_number` integer NOT NULL,
	`users` integer NOT NULL,
	PRIMARY KEY(`year`, `lot_number`)
);
--> statement-breakpoint
CREATE TABLE `yearly_service_users` (
	`year` integer NOT NULL,
	`lot_number` integer NOT NULL,
	`service_id` integer NOT NULL,
	`users` integer NOT NULL,
	PRIMARY KEY(`year`, `lot_number`, `service_id`)
);
