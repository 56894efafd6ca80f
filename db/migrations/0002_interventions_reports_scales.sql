CREATE TABLE `activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`axis` text NOT NULL,
	`label` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activities_axis_label_idx` ON `activities` (`axis`,`label`);--> statement-breakpoint
CREATE TABLE `evaluation_scores` (
	`evaluation_id` integer NOT NULL,
	`scale_id` integer NOT NULL,
	`items` text NOT NULL,
	`problem_types` text,
	`total` integer NOT NULL,
	`previous_total` integer,
	PRIMARY KEY(`evaluation_id`, `scale_id`),
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scale_id`) REFERENCES `scales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `intervention_uploads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cooperative_id` integer NOT NULL,
	`month` text NOT NULL,
	`sha256` text NOT NULL,
	`row_count` integer NOT NULL,
	`uploaded_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intervention_uploads_file_idx` ON `intervention_uploads` (`cooperative_id`,`month`,`sha256`);--> statement-breakpoint
CREATE TABLE `interventions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ptri_id` integer,
	`cooperative_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`date` text NOT NULL,
	`month` text NOT NULL,
	`axis` text NOT NULL,
	`activity_id` integer NOT NULL,
	`minutes` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`operator_role` text NOT NULL,
	`notes` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	`upload_id` integer,
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`upload_id`) REFERENCES `intervention_uploads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interventions_coop_month_idx` ON `interventions` (`cooperative_id`,`month`);--> statement-breakpoint
CREATE INDEX `interventions_ptri_date_idx` ON `interventions` (`ptri_id`,`date`);--> statement-breakpoint
CREATE TABLE `lot_month_totals` (
	`lot_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`month` text NOT NULL,
	`service_id` integer NOT NULL,
	`status` text NOT NULL,
	`minutes` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`interventions` integer NOT NULL,
	PRIMARY KEY(`month`, `lot_id`, `cooperative_id`, `service_id`, `status`),
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lot_month_totals_coop_idx` ON `lot_month_totals` (`cooperative_id`,`month`);--> statement-breakpoint
CREATE TABLE `monthly_report_parts` (
	`cooperative_id` integer NOT NULL,
	`month` text NOT NULL,
	`service_id` integer NOT NULL,
	`status` text NOT NULL,
	`reviewed_at` text,
	`reviewed_by` integer,
	`note` text,
	PRIMARY KEY(`cooperative_id`, `month`, `service_id`),
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `monthly_report_parts_service_idx` ON `monthly_report_parts` (`service_id`,`status`);--> statement-breakpoint
CREATE TABLE `monthly_reports` (
	`cooperative_id` integer NOT NULL,
	`month` text NOT NULL,
	`status` text NOT NULL,
	`submitted_at` text,
	`submitted_by` integer,
	`reviewed_at` text,
	`reviewed_by` integer,
	`note` text,
	PRIMARY KEY(`cooperative_id`, `month`),
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ptri_activity_periods` (
	`period` text NOT NULL,
	`lot_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`ptri_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`interventions` integer NOT NULL,
	PRIMARY KEY(`period`, `lot_id`, `cooperative_id`, `ptri_id`),
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `scales` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`items` text NOT NULL,
	`total` text NOT NULL,
	`higher_is_better` integer NOT NULL,
	`built_in` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scales_code_unique` ON `scales` (`code`);