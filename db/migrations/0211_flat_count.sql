-- How many flats there are, kept by triggers: the flats report's total of every flat reads one row
-- instead of counting the table on each request.
CREATE TABLE `flat_count` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`flats` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO flat_count (id, flats) SELECT 1, COUNT(*) FROM flats;
--> statement-breakpoint
CREATE TRIGGER flat_count_added AFTER INSERT ON flats
BEGIN
  UPDATE flat_count SET flats = flats + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER flat_count_removed AFTER DELETE ON flats
BEGIN
  UPDATE flat_count SET flats = flats - 1 WHERE id = 1;
END;
