-- The yearly-counts summary is kept by triggers, so no write path can forget it: a project's
-- years follow its period of care (activation to closure, or to the planned end while open),
-- and the distinct-person counters follow the project years.
WITH RECURSIVE y(year) AS (SELECT 1990 UNION ALL SELECT year + 1 FROM y WHERE year < 2100)
INSERT INTO calendar_years (year) SELECT year FROM y;
--> statement-breakpoint
CREATE TRIGGER ptri_years_counted AFTER INSERT ON ptri_years
BEGIN
  INSERT INTO yearly_service_users (year, lot_number, service_id, users)
    SELECT NEW.year, NEW.lot_number, NEW.service_id, 1
    WHERE NOT EXISTS (SELECT 1 FROM ptri_years WHERE year = NEW.year AND lot_number = NEW.lot_number
      AND person_id = NEW.person_id AND service_id = NEW.service_id AND ptri_id <> NEW.ptri_id)
    ON CONFLICT (year, lot_number, service_id) DO UPDATE SET users = users + 1;
  INSERT INTO yearly_lot_users (year, lot_number, users)
    SELECT NEW.year, NEW.lot_number, 1
    WHERE NOT EXISTS (SELECT 1 FROM ptri_years WHERE year = NEW.year AND lot_number = NEW.lot_number
      AND person_id = NEW.person_id AND ptri_id <> NEW.ptri_id)
    ON CONFLICT (year, lot_number) DO UPDATE SET users = users + 1;
END;
--> statement-breakpoint
CREATE TRIGGER ptri_years_uncounted AFTER DELETE ON ptri_years
BEGIN
  UPDATE yearly_service_users SET users = users - 1
    WHERE year = OLD.year AND lot_number = OLD.lot_number AND service_id = OLD.service_id
      AND NOT EXISTS (SELECT 1 FROM ptri_years WHERE year = OLD.year AND lot_number = OLD.lot_number
        AND person_id = OLD.person_id AND service_id = OLD.service_id);
  UPDATE yearly_lot_users SET users = users - 1
    WHERE year = OLD.year AND lot_number = OLD.lot_number
      AND NOT EXISTS (SELECT 1 FROM ptri_years WHERE year = OLD.year AND lot_number = OLD.lot_number AND person_id = OLD.person_id);
END;
--> statement-breakpoint
CREATE TRIGGER ptris_years_inserted AFTER INSERT ON ptris WHEN NEW.activated_on IS NOT NULL
BEGIN
  INSERT INTO ptri_years (ptri_id, year, lot_number, service_id, person_id)
    SELECT NEW.id, y.year, l.number, NEW.service_id, NEW.person_id
    FROM calendar_years y JOIN lots l ON l.id = NEW.lot_id
    WHERE y.year BETWEEN CAST(substr(NEW.activated_on, 1, 4) AS INTEGER)
      AND CAST(substr(COALESCE(NEW.ended_on, NEW.end_date), 1, 4) AS INTEGER);
END;
--> statement-breakpoint
CREATE TRIGGER ptris_years_updated AFTER UPDATE OF activated_on, ended_on, end_date, lot_id, service_id, person_id ON ptris
WHEN NEW.activated_on IS NOT OLD.activated_on OR NEW.ended_on IS NOT OLD.ended_on OR NEW.end_date IS NOT OLD.end_date
  OR NEW.lot_id IS NOT OLD.lot_id OR NEW.service_id IS NOT OLD.service_id OR NEW.person_id IS NOT OLD.person_id
BEGIN
  DELETE FROM ptri_years WHERE ptri_id = OLD.id;
  INSERT INTO ptri_years (ptri_id, year, lot_number, service_id, person_id)
    SELECT NEW.id, y.year, l.number, NEW.service_id, NEW.person_id
    FROM calendar_years y JOIN lots l ON l.id = NEW.lot_id
    WHERE NEW.activated_on IS NOT NULL
      AND y.year BETWEEN CAST(substr(NEW.activated_on, 1, 4) AS INTEGER)
      AND CAST(substr(COALESCE(NEW.ended_on, NEW.end_date), 1, 4) AS INTEGER);
END;
--> statement-breakpoint
CREATE TRIGGER ptris_years_deleted AFTER DELETE ON ptris
BEGIN
  DELETE FROM ptri_years WHERE ptri_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER lots_years_renumbered AFTER UPDATE OF number ON lots WHEN NEW.number IS NOT OLD.number
BEGIN
  DELETE FROM ptri_years WHERE ptri_id IN (SELECT id FROM ptris WHERE lot_id = NEW.id);
  INSERT INTO ptri_years (ptri_id, year, lot_number, service_id, person_id)
    SELECT p.id, y.year, NEW.number, p.service_id, p.person_id
    FROM ptris p JOIN calendar_years y
      ON y.year BETWEEN CAST(substr(p.activated_on, 1, 4) AS INTEGER) AND CAST(substr(COALESCE(p.ended_on, p.end_date), 1, 4) AS INTEGER)
    WHERE p.lot_id = NEW.id AND p.activated_on IS NOT NULL;
END;
--> statement-breakpoint
INSERT INTO ptri_years (ptri_id, year, lot_number, service_id, person_id)
  SELECT p.id, y.year, l.number, p.service_id, p.person_id
  FROM ptris p JOIN lots l ON l.id = p.lot_id JOIN calendar_years y
    ON y.year BETWEEN CAST(substr(p.activated_on, 1, 4) AS INTEGER) AND CAST(substr(COALESCE(p.ended_on, p.end_date), 1, 4) AS INTEGER)
  WHERE p.activated_on IS NOT NULL;
