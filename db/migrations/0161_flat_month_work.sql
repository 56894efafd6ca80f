CREATE TABLE `flat_month_work` (
	`flat_id` integer NOT NULL,
	`month` text NOT NULL,
	`flat_minutes` integer DEFAULT 0 NOT NULL,
	`flat_amount_cents` integer DEFAULT 0 NOT NULL,
	`personal_minutes` integer DEFAULT 0 NOT NULL,
	`personal_amount_cents` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`flat_id`, `month`)
);
--> statement-breakpoint
-- A resident's own intervention counts for a flat when it is dated within one of the person's
-- stays there, from its first day to its last (or on, while open): flatFiguresOf in
-- figures/definitions.ts. Work is never dated after today, so a month's rows hold no day past it.
-- Each stay's interventions are read through interventions_ptri_date_idx, each intervention's
-- stays through flat_stays_ptri_idx.
CREATE VIEW flat_resident_work AS
  SELECT s.id AS stay_id, s.flat_id, i.id AS intervention_id, substr(i.date, 1, 7) AS month, i.minutes, i.amount_cents
  FROM flat_stays s JOIN interventions i ON i.ptri_id = s.ptri_id AND i.date >= s.from_date AND (s.to_date IS NULL OR i.date <= s.to_date);
--> statement-breakpoint
CREATE TRIGGER flat_interventions_month_added AFTER INSERT ON flat_interventions
BEGIN
  INSERT INTO flat_month_work (flat_id, month, flat_minutes, flat_amount_cents) VALUES (NEW.flat_id, substr(NEW.date, 1, 7), NEW.minutes, NEW.amount_cents)
    ON CONFLICT (flat_id, month) DO UPDATE SET flat_minutes = flat_minutes + excluded.flat_minutes,
      flat_amount_cents = flat_amount_cents + excluded.flat_amount_cents;
END;
--> statement-breakpoint
CREATE TRIGGER flat_interventions_month_changed AFTER UPDATE OF flat_id, date, minutes, amount_cents ON flat_interventions
WHEN NEW.flat_id IS NOT OLD.flat_id OR NEW.date IS NOT OLD.date OR NEW.minutes IS NOT OLD.minutes OR NEW.amount_cents IS NOT OLD.amount_cents
BEGIN
  UPDATE flat_month_work SET flat_minutes = flat_minutes - OLD.minutes, flat_amount_cents = flat_amount_cents - OLD.amount_cents
    WHERE flat_id = OLD.flat_id AND month = substr(OLD.date, 1, 7);
  INSERT INTO flat_month_work (flat_id, month, flat_minutes, flat_amount_cents) VALUES (NEW.flat_id, substr(NEW.date, 1, 7), NEW.minutes, NEW.amount_cents)
    ON CONFLICT (flat_id, month) DO UPDATE SET flat_minutes = flat_minutes + excluded.flat_minutes,
      flat_amount_cents = flat_amount_cents + excluded.flat_amount_cents;
END;
--> statement-breakpoint
CREATE TRIGGER flat_interventions_month_removed AFTER DELETE ON flat_interventions
BEGIN
  UPDATE flat_month_work SET flat_minutes = flat_minutes - OLD.minutes, flat_amount_cents = flat_amount_cents - OLD.amount_cents
    WHERE flat_id = OLD.flat_id AND month = substr(OLD.date, 1, 7);
END;
--> statement-breakpoint
CREATE TRIGGER interventions_flat_month_added AFTER INSERT ON interventions
BEGIN
  INSERT INTO flat_month_work (flat_id, month, personal_minutes, personal_amount_cents)
    SELECT s.flat_id, substr(NEW.date, 1, 7), SUM(NEW.minutes), SUM(NEW.amount_cents) FROM flat_stays s
    WHERE s.ptri_id = NEW.ptri_id AND s.from_date <= NEW.date AND (s.to_date IS NULL OR s.to_date >= NEW.date) GROUP BY s.flat_id
    ON CONFLICT (flat_id, month) DO UPDATE SET personal_minutes = personal_minutes + excluded.personal_minutes,
      personal_amount_cents = personal_amount_cents + excluded.personal_amount_cents;
END;
--> statement-breakpoint
CREATE TRIGGER interventions_flat_month_changed AFTER UPDATE OF ptri_id, date, minutes, amount_cents ON interventions
WHEN NEW.ptri_id IS NOT OLD.ptri_id OR NEW.date IS NOT OLD.date OR NEW.minutes IS NOT OLD.minutes OR NEW.amount_cents IS NOT OLD.amount_cents
BEGIN
  UPDATE flat_month_work SET personal_minutes = personal_minutes - OLD.minutes * s.n, personal_amount_cents = personal_amount_cents - OLD.amount_cents * s.n
    FROM (SELECT flat_id, COUNT(*) AS n FROM flat_stays WHERE ptri_id = OLD.ptri_id AND from_date <= OLD.date
      AND (to_date IS NULL OR to_date >= OLD.date) GROUP BY flat_id) AS s
    WHERE flat_month_work.flat_id = s.flat_id AND flat_month_work.month = substr(OLD.date, 1, 7);
  INSERT INTO flat_month_work (flat_id, month, personal_minutes, personal_amount_cents)
    SELECT s.flat_id, substr(NEW.date, 1, 7), SUM(NEW.minutes), SUM(NEW.amount_cents) FROM flat_stays s
    WHERE s.ptri_id = NEW.ptri_id AND s.from_date <= NEW.date AND (s.to_date IS NULL OR s.to_date >= NEW.date) GROUP BY s.flat_id
    ON CONFLICT (flat_id, month) DO UPDATE SET personal_minutes = personal_minutes + excluded.personal_minutes,
      personal_amount_cents = personal_amount_cents + excluded.personal_amount_cents;
END;
--> statement-breakpoint
CREATE TRIGGER interventions_flat_month_removed AFTER DELETE ON interventions
BEGIN
  UPDATE flat_month_work SET personal_minutes = personal_minutes - OLD.minutes * s.n, personal_amount_cents = personal_amount_cents - OLD.amount_cents * s.n
    FROM (SELECT flat_id, COUNT(*) AS n FROM flat_stays WHERE ptri_id = OLD.ptri_id AND from_date <= OLD.date
      AND (to_date IS NULL OR to_date >= OLD.date) GROUP BY flat_id) AS s
    WHERE flat_month_work.flat_id = s.flat_id AND flat_month_work.month = substr(OLD.date, 1, 7);
END;
--> statement-breakpoint
CREATE TRIGGER flat_stays_month_added AFTER INSERT ON flat_stays
BEGIN
  INSERT INTO flat_month_work (flat_id, month, personal_minutes, personal_amount_cents)
    SELECT flat_id, month, SUM(minutes), SUM(amount_cents) FROM flat_resident_work WHERE stay_id = NEW.id GROUP BY 1, 2
    ON CONFLICT (flat_id, month) DO UPDATE SET personal_minutes = personal_minutes + excluded.personal_minutes,
      personal_amount_cents = personal_amount_cents + excluded.personal_amount_cents;
END;
--> statement-breakpoint
-- The old stay's interventions, read with its old dates: the row already holds the new ones.
CREATE TRIGGER flat_stays_month_changed AFTER UPDATE OF flat_id, ptri_id, from_date, to_date ON flat_stays
WHEN NEW.flat_id IS NOT OLD.flat_id OR NEW.ptri_id IS NOT OLD.ptri_id OR NEW.from_date IS NOT OLD.from_date OR NEW.to_date IS NOT OLD.to_date
BEGIN
  UPDATE flat_month_work SET personal_minutes = personal_minutes - w.minutes, personal_amount_cents = personal_amount_cents - w.amount_cents
    FROM (SELECT substr(i.date, 1, 7) AS month, SUM(i.minutes) AS minutes, SUM(i.amount_cents) AS amount_cents FROM interventions i
      WHERE i.ptri_id = OLD.ptri_id AND i.date >= OLD.from_date AND (OLD.to_date IS NULL OR i.date <= OLD.to_date) GROUP BY 1) AS w
    WHERE flat_month_work.flat_id = OLD.flat_id AND flat_month_work.month = w.month;
  INSERT INTO flat_month_work (flat_id, month, personal_minutes, personal_amount_cents)
    SELECT flat_id, month, SUM(minutes), SUM(amount_cents) FROM flat_resident_work WHERE stay_id = NEW.id GROUP BY 1, 2
    ON CONFLICT (flat_id, month) DO UPDATE SET personal_minutes = personal_minutes + excluded.personal_minutes,
      personal_amount_cents = personal_amount_cents + excluded.personal_amount_cents;
END;
--> statement-breakpoint
CREATE TRIGGER flat_stays_month_removed AFTER DELETE ON flat_stays
BEGIN
  UPDATE flat_month_work SET personal_minutes = personal_minutes - w.minutes, personal_amount_cents = personal_amount_cents - w.amount_cents
    FROM (SELECT substr(i.date, 1, 7) AS month, SUM(i.minutes) AS minutes, SUM(i.amount_cents) AS amount_cents FROM interventions i
      WHERE i.ptri_id = OLD.ptri_id AND i.date >= OLD.from_date AND (OLD.to_date IS NULL OR i.date <= OLD.to_date) GROUP BY 1) AS w
    WHERE flat_month_work.flat_id = OLD.flat_id AND flat_month_work.month = w.month;
END;
--> statement-breakpoint
INSERT INTO flat_month_work (flat_id, month, flat_minutes, flat_amount_cents, personal_minutes, personal_amount_cents)
  SELECT flat_id, month, SUM(flat_minutes), SUM(flat_amount), SUM(personal_minutes), SUM(personal_amount) FROM (
    SELECT flat_id, substr(date, 1, 7) AS month, minutes AS flat_minutes, amount_cents AS flat_amount, 0 AS personal_minutes, 0 AS personal_amount
    FROM flat_interventions
    UNION ALL
    SELECT flat_id, month, 0, 0, minutes, amount_cents FROM flat_resident_work)
  WHERE true GROUP BY 1, 2;
