DROP INDEX `ptris_review_idx`;--> statement-breakpoint
CREATE INDEX `ptris_review_idx` ON `ptris` (`status`,`next_review_date`,`service_id`,`person_id`);