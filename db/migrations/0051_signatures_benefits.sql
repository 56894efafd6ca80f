-- Signatures of each content revision, the person's signed revision on the project (a partial index keeps
-- the few projects in care awaiting it), and the benefits and income of persons.
CREATE TABLE `person_benefits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`monthly_amount_cents` integer NOT NULL,
	`from` text NOT NULL,
	`to` text,
	`position` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_benefits_person_idx` ON `person_benefits` (`person_id`);--> statement-breakpoint
CREATE TABLE `ptri_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ptri_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`signer` text NOT NULL,
	`name` text NOT NULL,
	`date` text NOT NULL,
	`method` text NOT NULL,
	`recorded_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ptri_signatures_ptri_idx` ON `ptri_signatures` (`ptri_id`,`revision`);--> statement-breakpoint
ALTER TABLE `ptris` ADD `person_signed_revision` integer;--> statement-breakpoint
CREATE INDEX `ptris_signature_pending_idx` ON `ptris` (`service_id`,`id`) WHERE "ptris"."status" IN ('active', 'suspended') AND "ptris"."person_signed_revision" IS NOT "ptris"."revision";