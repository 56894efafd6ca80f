-- A case manager searches only the persons of one service. Searching persons' own name index
-- and checking each name's service reads every person of every service up to a page of the
-- caller's; with the keys copied into person_services, one index range holds exactly the
-- service's persons in name order. Triggers keep the copies equal to the persons' keys.
ALTER TABLE `person_services` ADD `search_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `person_services` ADD `search_key_alt` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `person_services` SET (`search_key`, `search_key_alt`) =
  (SELECT `search_key`, `search_key_alt` FROM `persons` WHERE `persons`.`id` = `person_services`.`person_id`);--> statement-breakpoint
CREATE INDEX `person_services_search_idx` ON `person_services` (`service_id`,`search_key`,`person_id`);--> statement-breakpoint
CREATE INDEX `person_services_search_alt_idx` ON `person_services` (`service_id`,`search_key_alt`,`person_id`);--> statement-breakpoint
CREATE TRIGGER `person_services_copy_search_keys` AFTER INSERT ON `person_services` BEGIN
  UPDATE `person_services` SET (`search_key`, `search_key_alt`) =
    (SELECT `search_key`, `search_key_alt` FROM `persons` WHERE `persons`.`id` = NEW.`person_id`)
  WHERE `service_id` = NEW.`service_id` AND `person_id` = NEW.`person_id`;
END;--> statement-breakpoint
CREATE TRIGGER `persons_search_keys_to_services` AFTER UPDATE OF `search_key`, `search_key_alt` ON `persons` BEGIN
  UPDATE `person_services` SET `search_key` = NEW.`search_key`, `search_key_alt` = NEW.`search_key_alt`
  WHERE `person_id` = NEW.`id`;
END;
