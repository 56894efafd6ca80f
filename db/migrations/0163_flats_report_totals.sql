CREATE INDEX `flat_month_work_month_idx` ON `flat_month_work` (`month`,`flat_minutes`,`flat_amount_cents`,`personal_minutes`,`personal_amount_cents`);--> statement-breakpoint
CREATE INDEX `flat_stays_from_idx` ON `flat_stays` (`from_date`);--> statement-breakpoint
CREATE INDEX `flat_stays_to_idx` ON `flat_stays` (`to_date`,`destination`,`from_date`);
