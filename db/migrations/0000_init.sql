CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`username` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`person_id` integer,
	`changes` text,
	`ip` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_person_idx` ON `audit_log` (`person_id`);--> statement-breakpoint
CREATE INDEX `audit_user_idx` ON `audit_log` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `budget_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ptri_id` integer NOT NULL,
	`axis` text NOT NULL,
	`source` text NOT NULL,
	`description` text NOT NULL,
	`minutes` integer,
	`amount_cents` integer,
	`position` integer NOT NULL,
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_lines_ptri_idx` ON `budget_lines` (`ptri_id`);--> statement-breakpoint
CREATE TABLE `cooperatives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`vat_number` text,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cooperatives_name_unique` ON `cooperatives` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `cooperatives_vat_number_unique` ON `cooperatives` (`vat_number`);--> statement-breakpoint
CREATE TABLE `districts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `districts_code_unique` ON `districts` (`code`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ptri_id` integer NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`members` text NOT NULL,
	`outcome` text NOT NULL,
	`intensity` text,
	`scores` text,
	`honos_total` integer,
	`next_review_date` text,
	`notes` text,
	`recorded_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evaluations_ptri_idx` ON `evaluations` (`ptri_id`,`date`);--> statement-breakpoint
CREATE TABLE `goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ptri_id` integer NOT NULL,
	`axis` text NOT NULL,
	`description` text NOT NULL,
	`target_date` text,
	`status` text DEFAULT 'open' NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `goals_ptri_idx` ON `goals` (`ptri_id`);--> statement-breakpoint
CREATE TABLE `lot_cooperatives` (
	`lot_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	PRIMARY KEY(`lot_id`, `cooperative_id`),
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lot_cooperatives_coop_idx` ON `lot_cooperatives` (`cooperative_id`);--> statement-breakpoint
CREATE TABLE `lots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`tender_year` integer NOT NULL,
	`service_kinds` text NOT NULL,
	`contractor` text NOT NULL,
	`hourly_rate_cents` integer,
	`ceiling_cents` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lots_number_tender_idx` ON `lots` (`number`,`tender_year`);--> statement-breakpoint
CREATE TABLE `person_services` (
	`service_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`service_id`, `person_id`),
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_services_person_idx` ON `person_services` (`person_id`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fiscal_code` text NOT NULL,
	`given_name` text NOT NULL,
	`family_name` text NOT NULL,
	`search_key` text NOT NULL,
	`search_key_alt` text NOT NULL,
	`birth_date` text NOT NULL,
	`sex` text NOT NULL,
	`district_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `persons_fiscal_code_unique` ON `persons` (`fiscal_code`);--> statement-breakpoint
CREATE INDEX `persons_search_idx` ON `persons` (`search_key`);--> statement-breakpoint
CREATE INDEX `persons_search_alt_idx` ON `persons` (`search_key_alt`);--> statement-breakpoint
CREATE TABLE `ptri_cooperatives` (
	`ptri_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	PRIMARY KEY(`ptri_id`, `cooperative_id`),
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ptri_cooperatives_coop_idx` ON `ptri_cooperatives` (`cooperative_id`,`ptri_id`);--> statement-breakpoint
CREATE TABLE `ptri_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ptri_id` integer NOT NULL,
	`version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`changes` text,
	`reason` text,
	`user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ptri_revisions_version_idx` ON `ptri_revisions` (`ptri_id`,`version`);--> statement-breakpoint
CREATE TABLE `ptri_transitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ptri_id` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`reason` text,
	`effective_date` text NOT NULL,
	`user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ptri_transitions_ptri_idx` ON `ptri_transitions` (`ptri_id`);--> statement-breakpoint
CREATE TABLE `ptris` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`case_manager_id` integer,
	`status` text NOT NULL,
	`intensity` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`activated_on` text,
	`ended_on` text,
	`next_review_date` text,
	`notes` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ptris_service_status_idx` ON `ptris` (`service_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `ptris_person_idx` ON `ptris` (`person_id`);--> statement-breakpoint
CREATE INDEX `ptris_lot_period_idx` ON `ptris` (`lot_id`,`activated_on`);--> statement-breakpoint
CREATE INDEX `ptris_review_idx` ON `ptris` (`status`,`next_review_date`);--> statement-breakpoint
CREATE TABLE `refresh_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`rotated_at` text,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `refresh_tokens_session_idx` ON `refresh_tokens` (`session_id`);--> statement-breakpoint
CREATE TABLE `service_aliases` (
	`alias` text PRIMARY KEY NOT NULL,
	`service_id` integer NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_aliases_service_idx` ON `service_aliases` (`service_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`district_id` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_code_unique` ON `services` (`code`);--> statement-breakpoint
CREATE INDEX `services_district_idx` ON `services` (`district_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`revoked_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`service_id` integer,
	`district_id` integer,
	`cooperative_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);