CREATE TABLE `caseload_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`row_count` integer NOT NULL,
	`persons_created` integer NOT NULL,
	`projects_created` integer NOT NULL,
	`imported_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `caseload_imports_sha_idx` ON `caseload_imports` (`sha256`);--> statement-breakpoint
CREATE TABLE `imported_ptris` (
	`ptri_id` integer PRIMARY KEY NOT NULL,
	`import_id` integer NOT NULL,
	`row` integer NOT NULL,
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `caseload_imports`(`id`) ON UPDATE no action ON DELETE no action
);
