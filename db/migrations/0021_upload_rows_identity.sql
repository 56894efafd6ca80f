DROP INDEX `intervention_uploads_file_idx`;--> statement-breakpoint
CREATE INDEX `intervention_uploads_file_idx` ON `intervention_uploads` (`cooperative_id`,`month`,`sha256`);