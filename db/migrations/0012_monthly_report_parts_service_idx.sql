DROP INDEX `monthly_report_parts_service_idx`;--> statement-breakpoint
CREATE INDEX `monthly_report_parts_service_idx` ON `monthly_report_parts` (`service_id`,`status`,`month`);