ALTER TABLE `lots` ADD `tender_start` text DEFAULT '2000-01-01' NOT NULL;--> statement-breakpoint
ALTER TABLE `lots` ADD `tender_end` text DEFAULT '2099-12-31' NOT NULL;--> statement-breakpoint
-- A framework agreement runs four years from January of its tender year (2020–2023, 2024–2027).
UPDATE `lots` SET `tender_start` = `tender_year` || '-01-01', `tender_end` = (`tender_year` + 3) || '-12-31';
