CREATE TABLE `flat_place_day_changes` (
	`day` text PRIMARY KEY NOT NULL,
	`available` integer DEFAULT 0 NOT NULL,
	`occupied` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- A flat's places are available from its opening day to its closing day, a stay occupies one
-- place from its first day to its last, both days counted, or on while open (flatPlaceDaysOf in
-- figures/definitions.ts); each is a change on its first day and the opposite change on the day
-- after its last. One that ends before it begins covers no day and changes nothing.
CREATE VIEW flat_place_day_deltas AS
  SELECT 'flat' AS kind, id, opened_on AS day, places AS available, 0 AS occupied FROM flats
  WHERE closed_on IS NULL OR closed_on >= opened_on
  UNION ALL
  SELECT 'flat', id, date(closed_on, '+1 day'), -places, 0 FROM flats WHERE closed_on >= opened_on
  UNION ALL
  SELECT 'stay', id, from_date, 0, 1 FROM flat_stays WHERE to_date IS NULL OR to_date >= from_date
  UNION ALL
  SELECT 'stay', id, date(to_date, '+1 day'), 0, -1 FROM flat_stays WHERE to_date >= from_date;
--> statement-breakpoint
CREATE TRIGGER flats_place_days_added AFTER INSERT ON flats
BEGIN
  INSERT INTO flat_place_day_changes (day, available, occupied)
    SELECT day, SUM(available), SUM(occupied) FROM flat_place_day_deltas WHERE kind = 'flat' AND id = NEW.id GROUP BY day
    ON CONFLICT (day) DO UPDATE SET available = available + excluded.available, occupied = occupied + excluded.occupied;
END;
--> statement-breakpoint
CREATE TRIGGER flats_place_days_leaving BEFORE UPDATE OF places, opened_on, closed_on ON flats
WHEN NEW.places IS NOT OLD.places OR NEW.opened_on IS NOT OLD.opened_on OR NEW.closed_on IS NOT OLD.closed_on
BEGIN
  INSERT INTO flat_place_day_changes (day, available, occupied)
    SELECT day, -SUM(available), -SUM(occupied) FROM flat_place_day_deltas WHERE kind = 'flat' AND id = OLD.id GROUP BY day
    ON CONFLICT (day) DO UPDATE SET available = available + excluded.available, occupied = occupied + excluded.occupied;
END;
--> statement-breakpoint
CREATE TRIGGER flats_place_days_entering AFTER UPDATE OF places, opened_on, closed_on ON flats
WHEN NEW.places IS NOT OLD.places OR NEW.opened_on IS NOT OLD.opened_on OR NEW.closed_on IS NOT OLD.closed_on
BEGIN
  INSERT INTO flat_place_day_changes (day, available, occupied)
    SELECT day, SUM(available), SUM(occupied) FROM flat_place_day_deltas WHERE kind = 'flat' AND id = NEW.id GROUP BY day
    ON CONFLICT (day) DO UPDATE SET available = available + excluded.available, occupied = occupied + excluded.occupied;
END;
--> statement-breakpoint
CREATE TRIGGER flats_place_days_removed BEFORE DELETE ON flats
BEGIN
  INSERT INTO flat_place_day_changes (day, available, occupied)
    SELECT day, -SUM(available), -SUM(occupied) FROM flat_place_day_deltas WHERE kind = 'flat' AND id = OLD.id GROUP BY day
    ON CONFLICT (day) DO UPDATE SET available = available + excluded.available, occupied = occupied + excluded.occupied;
END;
--> statement-breakpoint
CREATE TRIGGER flat_stays_place_days_added AFTER INSERT ON flat_stays
BEGIN
  INSERT INTO flat_place_day_changes (day, available, occupied)
    SELECT day, SUM(available), SUM(occupied) FROM flat_place_day_deltas WHERE kind = 'stay' AND id = NEW.id GROUP BY day
    ON CONFLICT (day) DO UPDATE SET available = available + excluded.available, occupied = occupied + excluded.occupied;
END;
--> statement-breakpoint
CREATE TRIGGER flat_stays_place_days_leaving BEFORE UPDATE OF from_date, to_date ON flat_stays
WHEN NEW.from_date IS NOT OLD.from_date OR NEW.to_date IS NOT OLD.to_date
BEGIN
  INSERT INTO flat_place_day_changes (day, available, occupied)
    SELECT day, -SUM(available), -SUM(occupied) FROM flat_place_day_deltas WHERE kind = 'stay' AND id = OLD.id GROUP BY day
    ON CONFLICT (day) DO UPDATE SET available = available + excluded.available, occupied = occupied + excluded.occupied;
END;
--> statement-breakpoint
CREATE TRIGGER flat_stays_place_days_entering AFTER UPDATE OF from_date, to_date ON flat_stays
WHEN NEW.from_date IS NOT OLD.from_date OR NEW.to_date IS NOT OLD.to_date
BEGIN
  INSERT INTO flat_place_day_changes (day, available, occupied)
    SELECT day, SUM(available), SUM(occupied) FROM flat_place_day_deltas WHERE kind = 'stay' AND id = NEW.id GROUP BY day
    ON CONFLICT (day) DO UPDATE SET available = available + excluded.available, occupied = occupied + excluded.occupied;
END;
--> statement-breakpoint
CREATE TRIGGER flat_stays_place_days_removed BEFORE DELETE ON flat_stays
BEGIN
  INSERT INTO flat_place_day_changes (day, available, occupied)
    SELECT day, -SUM(available), -SUM(occupied) FROM flat_place_day_deltas WHERE kind = 'stay' AND id = OLD.id GROUP BY day
    ON CONFLICT (day) DO UPDATE SET available = available + excluded.available, occupied = occupied + excluded.occupied;
END;
--> statement-breakpoint
INSERT INTO flat_place_day_changes (day, available, occupied)
  SELECT day, SUM(available), SUM(occupied) FROM flat_place_day_deltas WHERE true GROUP BY day;
