CREATE TABLE `resource_districts` (
	`resource_id` integer NOT NULL,
	`district_id` integer NOT NULL,
	`axis` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`resource_id`, `district_id`),
	FOREIGN KEY (`resource_id`) REFERENCES `resources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `resource_districts_name_idx` ON `resource_districts` (`district_id`,`name`,`resource_id`);--> statement-breakpoint
CREATE INDEX `resource_districts_axis_idx` ON `resource_districts` (`district_id`,`axis`,`name`,`resource_id`);--> statement-breakpoint
CREATE TABLE `resources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`axis` text NOT NULL,
	`provider` text NOT NULL,
	`provider_kind` text NOT NULL,
	`runts_number` text,
	`contact` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `resources_name_idx` ON `resources` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `resources_axis_name_idx` ON `resources` (`axis`,`name`,`id`);--> statement-breakpoint
ALTER TABLE `budget_lines` ADD `resource_id` integer REFERENCES resources(id);--> statement-breakpoint
CREATE INDEX `budget_lines_resource_idx` ON `budget_lines` (`resource_id`,`ptri_id`) WHERE "budget_lines"."resource_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `persons_district_search_idx` ON `persons` (`district_id`,`search_key`,`id`);--> statement-breakpoint
CREATE INDEX `persons_district_search_alt_idx` ON `persons` (`district_id`,`search_key_alt`,`id`);--> statement-breakpoint
-- Words of a resource's name and provider, for the catalogue's text search (prefix per word, accents ignored).
CREATE VIRTUAL TABLE `resources_fts` USING fts5(name, provider, content='resources', content_rowid='id', tokenize='unicode61 remove_diacritics 2');--> statement-breakpoint
CREATE TRIGGER `resources_fts_insert` AFTER INSERT ON `resources` BEGIN
  INSERT INTO resources_fts (rowid, name, provider) VALUES (new.id, new.name, new.provider);
END;--> statement-breakpoint
CREATE TRIGGER `resources_fts_update` AFTER UPDATE OF name, provider ON `resources` BEGIN
  INSERT INTO resources_fts (resources_fts, rowid, name, provider) VALUES ('delete', old.id, old.name, old.provider);
  INSERT INTO resources_fts (rowid, name, provider) VALUES (new.id, new.name, new.provider);
END;--> statement-breakpoint
CREATE TRIGGER `resources_fts_delete` AFTER DELETE ON `resources` BEGIN
  INSERT INTO resources_fts (resources_fts, rowid, name, provider) VALUES ('delete', old.id, old.name, old.provider);
END;
