CREATE TABLE `flat_place_month_changes` (
	`month` text PRIMARY KEY NOT NULL,
	`available` integer DEFAULT 0 NOT NULL,
	`occupied` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `flat_work_months` (
	`month` text PRIMARY KEY NOT NULL,
	`flat_minutes` integer DEFAULT 0 NOT NULL,
	`flat_amount_cents` integer DEFAULT 0 NOT NULL,
	`personal_minutes` integer DEFAULT 0 NOT NULL,
	`personal_amount_cents` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- The triggers of 0161 and 0162 only insert and update rows of flat_month_work and
-- flat_place_day_changes, never delete them: the month sums follow those two writes.
CREATE TRIGGER flat_month_work_months_added AFTER INSERT ON flat_month_work
BEGIN
  INSERT INTO flat_work_months (month, flat_minutes, flat_amount_cents, personal_minutes, personal_amount_cents)
    VALUES (NEW.month, NEW.flat_minutes, NEW.flat_amount_cents, NEW.personal_minutes, NEW.personal_amount_cents)
    ON CONFLICT (month) DO UPDATE SET flat_minutes = flat_minutes + excluded.flat_minutes,
      flat_amount_cents = flat_amount_cents + excluded.flat_amount_cents, personal_minutes = personal_minutes + excluded.personal_minutes,
      personal_amount_cents = personal_amount_cents + excluded.personal_amount_cents;
END;
--> statement-breakpoint
CREATE TRIGGER flat_month_work_months_changed AFTER UPDATE ON flat_month_work
BEGIN
  UPDATE flat_work_months SET flat_minutes = flat_minutes - OLD.flat_minutes, flat_amount_cents = flat_amount_cents - OLD.flat_amount_cents,
      personal_minutes = personal_minutes - OLD.personal_minutes, personal_amount_cents = personal_amount_cents - OLD.personal_amount_cents
    WHERE month = OLD.month;
  INSERT INTO flat_work_months (month, flat_minutes, flat_amount_cents, personal_minutes, personal_amount_cents)
    VALUES (NEW.month, NEW.flat_minutes, NEW.flat_amount_cents, NEW.personal_minutes, NEW.personal_amount_cents)
    ON CONFLICT (month) DO UPDATE SET flat_minutes = flat_minutes + excluded.flat_minutes,
      flat_amount_cents = flat_amount_cents + excluded.flat_amount_cents, personal_minutes = personal_minutes + excluded.personal_minutes,
      personal_amount_cents = personal_amount_cents + excluded.personal_amount_cents;
END;
--> statement-breakpoint
CREATE TRIGGER flat_place_day_changes_months_added AFTER INSERT ON flat_place_day_changes
BEGIN
  INSERT INTO flat_place_month_changes (month, available, occupied) VALUES (substr(NEW.day, 1, 7), NEW.available, NEW.occupied)
    ON CONFLICT (month) DO UPDATE SET available = available + excluded.available, occupied = occupied + excluded.occupied;
END;
--> statement-breakpoint
CREATE TRIGGER flat_place_day_changes_months_changed AFTER UPDATE ON flat_place_day_changes
BEGIN
  UPDATE flat_place_month_changes SET available = available - OLD.available, occupied = occupied - OLD.occupied
    WHERE month = substr(OLD.day, 1, 7);
  INSERT INTO flat_place_month_changes (month, available, occupied) VALUES (substr(NEW.day, 1, 7), NEW.available, NEW.occupied)
    ON CONFLICT (month) DO UPDATE SET available = available + excluded.available, occupied = occupied + excluded.occupied;
END;
--> statement-breakpoint
-- Both read in month order from an index, before the one of flat_month_work goes.
INSERT INTO flat_work_months (month, flat_minutes, flat_amount_cents, personal_minutes, personal_amount_cents)
  SELECT month, SUM(flat_minutes), SUM(flat_amount_cents), SUM(personal_minutes), SUM(personal_amount_cents)
  FROM flat_month_work WHERE true GROUP BY month;
--> statement-breakpoint
INSERT INTO flat_place_month_changes (month, available, occupied)
  SELECT substr(day, 1, 7), SUM(available), SUM(occupied) FROM flat_place_day_changes WHERE true GROUP BY 1;
--> statement-breakpoint
-- The totals of every flat now read flat_work_months: the index only cost every write of a flat's month.
DROP INDEX `flat_month_work_month_idx`;
