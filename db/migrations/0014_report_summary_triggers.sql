-- Report summaries kept by triggers, so no write path can forget them: the caseload and the
-- reviews due by calendar bucket (triggers on ptris), the lot totals by year (triggers on
-- lot_month_totals). Every bucket is kept at three sizes, year, month and day, so any span of
-- days is a few ranges of rows whatever the number of projects.
INSERT INTO calendar_units (unit, length) VALUES ('year', 4), ('month', 7), ('day', 10);
--> statement-breakpoint
-- Each project's caseload as intervals of days, each a change on its first day and the opposite
-- change on the day after its last ('9999-12-99' after the last representable date): in care
-- [activation, end of care], review overdue [the day after the review date, end of care] and
-- review due within 30 days [30 days before the review date, the review date], each cut to the
-- period of care. The caseload on a date is the sum of the changes up to it, which is minus the
-- sum of the changes after it (every interval's changes sum to zero).
CREATE VIEW ptri_caseload_changes AS
  SELECT id AS ptri_id, service_id, activated_on AS day, 1 AS projects, intensity = 'high' AS high, intensity = 'medium' AS medium,
    intensity = 'low' AS low, open_goals_habitat AS habitat, open_goals_sociality AS sociality, open_goals_work AS work, 0 AS overdue, 0 AS due
  FROM ptris WHERE activated_on <= COALESCE(ended_on, end_date)
  UNION ALL
  SELECT id, service_id, COALESCE(date(COALESCE(ended_on, end_date), '+1 day'), '9999-12-99'), -1, -(intensity = 'high'), -(intensity = 'medium'), -(intensity = 'low'),
    -open_goals_habitat, -open_goals_sociality, -open_goals_work, 0, 0
  FROM ptris WHERE activated_on <= COALESCE(ended_on, end_date)
  UNION ALL
  SELECT id, service_id, max(activated_on, date(next_review_date, '+1 day')), 0, 0, 0, 0, 0, 0, 0, 1, 0
  FROM ptris WHERE max(activated_on, date(next_review_date, '+1 day')) <= COALESCE(ended_on, end_date)
  UNION ALL
  SELECT id, service_id, COALESCE(date(COALESCE(ended_on, end_date), '+1 day'), '9999-12-99'), 0, 0, 0, 0, 0, 0, 0, -1, 0
  FROM ptris WHERE max(activated_on, date(next_review_date, '+1 day')) <= COALESCE(ended_on, end_date)
  UNION ALL
  SELECT id, service_id, max(activated_on, date(next_review_date, '-30 days')), 0, 0, 0, 0, 0, 0, 0, 0, 1
  FROM ptris WHERE max(activated_on, date(next_review_date, '-30 days')) <= min(COALESCE(ended_on, end_date), next_review_date)
  UNION ALL
  SELECT id, service_id, COALESCE(date(min(COALESCE(ended_on, end_date), next_review_date), '+1 day'), '9999-12-99'), 0, 0, 0, 0, 0, 0, 0, 0, -1
  FROM ptris WHERE max(activated_on, date(next_review_date, '-30 days')) <= min(COALESCE(ended_on, end_date), next_review_date);
--> statement-breakpoint
CREATE TRIGGER ptris_caseload_inserted AFTER INSERT ON ptris WHEN NEW.activated_on IS NOT NULL
BEGIN
  INSERT INTO caseload_changes (unit, bucket, service_id, projects, high, medium, low, habitat, sociality, work, overdue, due)
    SELECT u.unit, substr(c.day, 1, u.length), c.service_id, SUM(c.projects), SUM(c.high), SUM(c.medium), SUM(c.low), SUM(c.habitat), SUM(c.sociality), SUM(c.work), SUM(c.overdue), SUM(c.due)
    FROM ptri_caseload_changes c JOIN calendar_units u WHERE c.ptri_id = NEW.id GROUP BY 1, 2, 3
    ON CONFLICT (unit, bucket, service_id) DO UPDATE SET projects = projects + excluded.projects, high = high + excluded.high, medium = medium + excluded.medium, low = low + excluded.low, habitat = habitat + excluded.habitat, sociality = sociality + excluded.sociality, work = work + excluded.work, overdue = overdue + excluded.overdue, due = due + excluded.due;
END;
--> statement-breakpoint
-- A change of the period, intensity, service or review date takes out the project's changes as
-- they were (before the row is written) and puts them back as they are (after).
CREATE TRIGGER ptris_caseload_leaving BEFORE UPDATE OF activated_on, ended_on, end_date, service_id, intensity, next_review_date ON ptris
WHEN NEW.activated_on IS NOT OLD.activated_on OR NEW.ended_on IS NOT OLD.ended_on OR NEW.end_date IS NOT OLD.end_date
  OR NEW.service_id IS NOT OLD.service_id OR NEW.intensity IS NOT OLD.intensity OR NEW.next_review_date IS NOT OLD.next_review_date
BEGIN
  INSERT INTO caseload_changes (unit, bucket, service_id, projects, high, medium, low, habitat, sociality, work, overdue, due)
    SELECT u.unit, substr(c.day, 1, u.length), c.service_id, -SUM(c.projects), -SUM(c.high), -SUM(c.medium), -SUM(c.low), -SUM(c.habitat), -SUM(c.sociality), -SUM(c.work), -SUM(c.overdue), -SUM(c.due)
    FROM ptri_caseload_changes c JOIN calendar_units u WHERE c.ptri_id = OLD.id GROUP BY 1, 2, 3
    ON CONFLICT (unit, bucket, service_id) DO UPDATE SET projects = projects + excluded.projects, high = high + excluded.high, medium = medium + excluded.medium, low = low + excluded.low, habitat = habitat + excluded.habitat, sociality = sociality + excluded.sociality, work = work + excluded.work, overdue = overdue + excluded.overdue, due = due + excluded.due;
END;
--> statement-breakpoint
CREATE TRIGGER ptris_caseload_entering AFTER UPDATE OF activated_on, ended_on, end_date, service_id, intensity, next_review_date ON ptris
WHEN NEW.activated_on IS NOT OLD.activated_on OR NEW.ended_on IS NOT OLD.ended_on OR NEW.end_date IS NOT OLD.end_date
  OR NEW.service_id IS NOT OLD.service_id OR NEW.intensity IS NOT OLD.intensity OR NEW.next_review_date IS NOT OLD.next_review_date
BEGIN
  INSERT INTO caseload_changes (unit, bucket, service_id, projects, high, medium, low, habitat, sociality, work, overdue, due)
    SELECT u.unit, substr(c.day, 1, u.length), c.service_id, SUM(c.projects), SUM(c.high), SUM(c.medium), SUM(c.low), SUM(c.habitat), SUM(c.sociality), SUM(c.work), SUM(c.overdue), SUM(c.due)
    FROM ptri_caseload_changes c JOIN calendar_units u WHERE c.ptri_id = NEW.id GROUP BY 1, 2, 3
    ON CONFLICT (unit, bucket, service_id) DO UPDATE SET projects = projects + excluded.projects, high = high + excluded.high, medium = medium + excluded.medium, low = low + excluded.low, habitat = habitat + excluded.habitat, sociality = sociality + excluded.sociality, work = work + excluded.work, overdue = overdue + excluded.overdue, due = due + excluded.due;
END;
--> statement-breakpoint
-- Open goals alone changed (the goal triggers of migration 0011): only the in-care interval moves.
CREATE TRIGGER ptris_caseload_goals AFTER UPDATE OF open_goals_habitat, open_goals_sociality, open_goals_work ON ptris
WHEN (NEW.open_goals_habitat IS NOT OLD.open_goals_habitat OR NEW.open_goals_sociality IS NOT OLD.open_goals_sociality
    OR NEW.open_goals_work IS NOT OLD.open_goals_work)
  AND NEW.activated_on <= COALESCE(NEW.ended_on, NEW.end_date) AND NOT (NEW.activated_on IS NOT OLD.activated_on OR NEW.ended_on IS NOT OLD.ended_on OR NEW.end_date IS NOT OLD.end_date
  OR NEW.service_id IS NOT OLD.service_id OR NEW.intensity IS NOT OLD.intensity OR NEW.next_review_date IS NOT OLD.next_review_date)
BEGIN
  INSERT INTO caseload_changes (unit, bucket, service_id, projects, high, medium, low, habitat, sociality, work, overdue, due)
    SELECT u.unit, substr(e.day, 1, u.length), NEW.service_id, 0, 0, 0, 0,
      e.sign * (NEW.open_goals_habitat - OLD.open_goals_habitat), e.sign * (NEW.open_goals_sociality - OLD.open_goals_sociality),
      e.sign * (NEW.open_goals_work - OLD.open_goals_work), 0, 0
    FROM (SELECT NEW.activated_on AS day, 1 AS sign
      UNION ALL SELECT COALESCE(date(COALESCE(NEW.ended_on, NEW.end_date), '+1 day'), '9999-12-99'), -1) e JOIN calendar_units u WHERE true
    ON CONFLICT (unit, bucket, service_id) DO UPDATE SET habitat = habitat + excluded.habitat,
      sociality = sociality + excluded.sociality, work = work + excluded.work;
END;
--> statement-breakpoint
CREATE TRIGGER ptris_caseload_deleted BEFORE DELETE ON ptris WHEN OLD.activated_on IS NOT NULL
BEGIN
  INSERT INTO caseload_changes (unit, bucket, service_id, projects, high, medium, low, habitat, sociality, work, overdue, due)
    SELECT u.unit, substr(c.day, 1, u.length), c.service_id, -SUM(c.projects), -SUM(c.high), -SUM(c.medium), -SUM(c.low), -SUM(c.habitat), -SUM(c.sociality), -SUM(c.work), -SUM(c.overdue), -SUM(c.due)
    FROM ptri_caseload_changes c JOIN calendar_units u WHERE c.ptri_id = OLD.id GROUP BY 1, 2, 3
    ON CONFLICT (unit, bucket, service_id) DO UPDATE SET projects = projects + excluded.projects, high = high + excluded.high, medium = medium + excluded.medium, low = low + excluded.low, habitat = habitat + excluded.habitat, sociality = sociality + excluded.sociality, work = work + excluded.work, overdue = overdue + excluded.overdue, due = due + excluded.due;
END;
--> statement-breakpoint
CREATE TRIGGER ptris_review_inserted AFTER INSERT ON ptris
BEGIN
  INSERT INTO review_dates (unit, bucket, service_id, projects)
    SELECT unit, substr(NEW.next_review_date, 1, length), NEW.service_id, 1 FROM calendar_units
    WHERE NEW.status IN ('active', 'suspended') AND NEW.next_review_date IS NOT NULL
    ON CONFLICT (unit, bucket, service_id) DO UPDATE SET projects = projects + excluded.projects;
END;
--> statement-breakpoint
CREATE TRIGGER ptris_review_updated AFTER UPDATE OF status, next_review_date, service_id ON ptris
WHEN NEW.status IS NOT OLD.status OR NEW.next_review_date IS NOT OLD.next_review_date OR NEW.service_id IS NOT OLD.service_id
BEGIN
  INSERT INTO review_dates (unit, bucket, service_id, projects)
    SELECT unit, substr(OLD.next_review_date, 1, length), OLD.service_id, -1 FROM calendar_units
    WHERE OLD.status IN ('active', 'suspended') AND OLD.next_review_date IS NOT NULL
    ON CONFLICT (unit, bucket, service_id) DO UPDATE SET projects = projects + excluded.projects;
  INSERT INTO review_dates (unit, bucket, service_id, projects)
    SELECT unit, substr(NEW.next_review_date, 1, length), NEW.service_id, 1 FROM calendar_units
    WHERE NEW.status IN ('active', 'suspended') AND NEW.next_review_date IS NOT NULL
    ON CONFLICT (unit, bucket, service_id) DO UPDATE SET projects = projects + excluded.projects;
END;
--> statement-breakpoint
CREATE TRIGGER ptris_review_deleted AFTER DELETE ON ptris
BEGIN
  INSERT INTO review_dates (unit, bucket, service_id, projects)
    SELECT unit, substr(OLD.next_review_date, 1, length), OLD.service_id, -1 FROM calendar_units
    WHERE OLD.status IN ('active', 'suspended') AND OLD.next_review_date IS NOT NULL
    ON CONFLICT (unit, bucket, service_id) DO UPDATE SET projects = projects + excluded.projects;
END;
--> statement-breakpoint
CREATE TRIGGER lot_month_totals_added AFTER INSERT ON lot_month_totals
BEGIN
  INSERT INTO lot_year_totals (year, lot_id, cooperative_id, service_id, status, minutes, amount_cents, interventions)
    VALUES (substr(NEW.month, 1, 4), NEW.lot_id, NEW.cooperative_id, NEW.service_id, NEW.status, NEW.minutes, NEW.amount_cents, NEW.interventions)
    ON CONFLICT (year, lot_id, cooperative_id, service_id, status) DO UPDATE SET minutes = minutes + excluded.minutes,
      amount_cents = amount_cents + excluded.amount_cents, interventions = interventions + excluded.interventions;
END;
--> statement-breakpoint
-- Interventions added to or taken from a month row: one upsert of the difference.
CREATE TRIGGER lot_month_totals_changed AFTER UPDATE ON lot_month_totals
WHEN substr(NEW.month, 1, 4) = substr(OLD.month, 1, 4) AND NEW.lot_id = OLD.lot_id AND NEW.cooperative_id = OLD.cooperative_id
  AND NEW.service_id = OLD.service_id AND NEW.status = OLD.status
BEGIN
  INSERT INTO lot_year_totals (year, lot_id, cooperative_id, service_id, status, minutes, amount_cents, interventions)
    VALUES (substr(NEW.month, 1, 4), NEW.lot_id, NEW.cooperative_id, NEW.service_id, NEW.status, NEW.minutes - OLD.minutes, NEW.amount_cents - OLD.amount_cents, NEW.interventions - OLD.interventions)
    ON CONFLICT (year, lot_id, cooperative_id, service_id, status) DO UPDATE SET minutes = minutes + excluded.minutes,
      amount_cents = amount_cents + excluded.amount_cents, interventions = interventions + excluded.interventions;
END;
--> statement-breakpoint
-- A part of a month moved to another status (or any other key change): out of the old year row, into the new.
CREATE TRIGGER lot_month_totals_moved AFTER UPDATE ON lot_month_totals
WHEN NOT (substr(NEW.month, 1, 4) = substr(OLD.month, 1, 4) AND NEW.lot_id = OLD.lot_id AND NEW.cooperative_id = OLD.cooperative_id
  AND NEW.service_id = OLD.service_id AND NEW.status = OLD.status)
BEGIN
  INSERT INTO lot_year_totals (year, lot_id, cooperative_id, service_id, status, minutes, amount_cents, interventions)
    VALUES (substr(OLD.month, 1, 4), OLD.lot_id, OLD.cooperative_id, OLD.service_id, OLD.status, -OLD.minutes, -OLD.amount_cents, -OLD.interventions)
    ON CONFLICT (year, lot_id, cooperative_id, service_id, status) DO UPDATE SET minutes = minutes + excluded.minutes,
      amount_cents = amount_cents + excluded.amount_cents, interventions = interventions + excluded.interventions;
  INSERT INTO lot_year_totals (year, lot_id, cooperative_id, service_id, status, minutes, amount_cents, interventions)
    VALUES (substr(NEW.month, 1, 4), NEW.lot_id, NEW.cooperative_id, NEW.service_id, NEW.status, NEW.minutes, NEW.amount_cents, NEW.interventions)
    ON CONFLICT (year, lot_id, cooperative_id, service_id, status) DO UPDATE SET minutes = minutes + excluded.minutes,
      amount_cents = amount_cents + excluded.amount_cents, interventions = interventions + excluded.interventions;
  DELETE FROM lot_year_totals WHERE year = substr(OLD.month, 1, 4) AND lot_id = OLD.lot_id
    AND cooperative_id = OLD.cooperative_id AND service_id = OLD.service_id AND status = OLD.status AND interventions = 0;
END;
--> statement-breakpoint
CREATE TRIGGER lot_month_totals_removed AFTER DELETE ON lot_month_totals
BEGIN
  INSERT INTO lot_year_totals (year, lot_id, cooperative_id, service_id, status, minutes, amount_cents, interventions)
    VALUES (substr(OLD.month, 1, 4), OLD.lot_id, OLD.cooperative_id, OLD.service_id, OLD.status, -OLD.minutes, -OLD.amount_cents, -OLD.interventions)
    ON CONFLICT (year, lot_id, cooperative_id, service_id, status) DO UPDATE SET minutes = minutes + excluded.minutes,
      amount_cents = amount_cents + excluded.amount_cents, interventions = interventions + excluded.interventions;
  DELETE FROM lot_year_totals WHERE year = substr(OLD.month, 1, 4) AND lot_id = OLD.lot_id
    AND cooperative_id = OLD.cooperative_id AND service_id = OLD.service_id AND status = OLD.status AND interventions = 0;
END;
--> statement-breakpoint
INSERT INTO caseload_changes (unit, bucket, service_id, projects, high, medium, low, habitat, sociality, work, overdue, due)
  SELECT u.unit, substr(c.day, 1, u.length), c.service_id, SUM(c.projects), SUM(c.high), SUM(c.medium), SUM(c.low), SUM(c.habitat), SUM(c.sociality), SUM(c.work), SUM(c.overdue), SUM(c.due)
  FROM ptri_caseload_changes c JOIN calendar_units u WHERE true GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO review_dates (unit, bucket, service_id, projects)
  SELECT u.unit, substr(p.next_review_date, 1, u.length), p.service_id, COUNT(*)
  FROM ptris p JOIN calendar_units u WHERE p.status IN ('active', 'suspended') AND p.next_review_date IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO lot_year_totals (year, lot_id, cooperative_id, service_id, status, minutes, amount_cents, interventions)
  SELECT substr(month, 1, 4), lot_id, cooperative_id, service_id, status, SUM(minutes), SUM(amount_cents), SUM(interventions)
  FROM lot_month_totals GROUP BY 1, 2, 3, 4, 5;