CREATE TABLE `ptri_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ptri_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`proposed_by` integer,
	`base_revision` integer NOT NULL,
	`goals` text NOT NULL,
	`budget_lines` text NOT NULL,
	`base` text NOT NULL,
	`note` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`decision_note` text,
	`applied_version` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ptri_proposals_ptri_idx` ON `ptri_proposals` (`ptri_id`,`id`);--> statement-breakpoint
CREATE TABLE `ptri_shares` (
	`ptri_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`shared_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`ptri_id`, `cooperative_id`),
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ptri_shares_coop_idx` ON `ptri_shares` (`cooperative_id`,`ptri_id`);--> statement-breakpoint
ALTER TABLE `ptri_revisions` ADD `proposal_id` integer REFERENCES ptri_proposals(id);