ALTER TABLE `caseload_changes` ADD `expired` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `ptris_open_end_idx` ON `ptris` (`end_date`,`lot_id`,`person_id`,`service_id`) WHERE "ptris"."ended_on" IS NULL AND "ptris"."activated_on" IS NOT NULL;
--> statement-breakpoint
-- The caseload counts the projects open on a day: activated on or before it and not closed on or
-- before it. One still open after its planned end stays in the caseload, expired (to renew or
-- close), so the caseload counts the same projects as the reviews due and the project list. Each
-- interval is a change on its first day and the opposite change on the day after its last, which
-- is the closing day, or none while open ('9999-12-99' after every date); the expired interval
-- starts the day after the planned end. Reports never read past today.
DROP VIEW ptri_caseload_changes;
--> statement-breakpoint
CREATE VIEW ptri_caseload_changes AS
  SELECT id AS ptri_id, service_id, activated_on AS day, 1 AS projects, intensity = 'high' AS high, intensity = 'medium' AS medium,
    intensity = 'low' AS low, open_goals_habitat AS habitat, open_goals_sociality AS sociality, open_goals_work AS work, 0 AS overdue, 0 AS due, 0 AS expired
  FROM ptris WHERE activated_on < COALESCE(ended_on, '9999-12-99')
  UNION ALL
  SELECT id, service_id, COALESCE(ended_on, '9999-12-99'), -1, -(intensity = 'high'), -(intensity = 'medium'), -(intensity = 'low'),
    -open_goals_habitat, -open_goals_sociality, -open_goals_work, 0, 0, 0
  FROM ptris WHERE activated_on < COALESCE(ended_on, '9999-12-99')
  UNION ALL
  SELECT id, service_id, max(activated_on, date(next_review_date, '+1 day')), 0, 0, 0, 0, 0, 0, 0, 1, 0, 0
  FROM ptris WHERE max(activated_on, date(next_review_date, '+1 day')) < COALESCE(ended_on, '9999-12-99')
  UNION ALL
  SELECT id, service_id, COALESCE(ended_on, '9999-12-99'), 0, 0, 0, 0, 0, 0, 0, -1, 0, 0
  FROM ptris WHERE max(activated_on, date(next_review_date, '+1 day')) < COALESCE(ended_on, '9999-12-99')
  UNION ALL
  SELECT id, service_id, max(activated_on, date(next_review_date, '-30 days')), 0, 0, 0, 0, 0, 0, 0, 0, 1, 0
  FROM ptris WHERE max(activated_on, date(next_review_date, '-30 days')) < min(COALESCE(ended_on, '9999-12-99'), COALESCE(date(next_review_date, '+1 day'), '9999-12-99'))
  UNION ALL
  SELECT id, service_id, min(COALESCE(ended_on, '9999-12-99'), COALESCE(date(next_review_date, '+1 day'), '9999-12-99')), 0, 0, 0, 0, 0, 0, 0, 0, -1, 0
  FROM ptris WHERE max(activated_on, date(next_review_date, '-30 days')) < min(COALESCE(ended_on, '9999-12-99'), COALESCE(date(next_review_date, '+1 day'), '9999-12-99'))
  UNION ALL
  SELECT id, service_id, max(activated_on, date(end_date, '+1 day')), 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
  FROM ptris WHERE max(activated_on, date(end_date, '+1 day')) < COALESCE(ended_on, '9999-12-99')
  UNION ALL
  SELECT id, service_id, COALESCE(ended_on, '9999-12-99'), 0, 0, 0, 0, 0, 0, 0, 0, 0, -1
  FROM ptris WHERE max(activated_on, date(end_date, '+1 day')) < COALESCE(ended_on, '9999-12-99');
--> statement-breakpoint
DROP TRIGGER ptris_caseload_inserted;
--> statement-breakpoint
DROP TRIGGER ptris_caseload_leaving;
--> statement-breakpoint
DROP TRIGGER ptris_caseload_entering;
--> statement-breakpoint
DROP TRIGGER ptris_caseload_goals;
--> statement-breakpoint
DROP TRIGGER ptris_caseload_deleted;
--> statement-breakpoint
CREATE TRIGGER ptris_caseload_inserted AFTER INSERT ON ptris WHEN NEW.activated_on IS NOT NULL
BEGIN
  INSERT INTO caseload_changes (unit, bucket, service_id, projects, high, medium, low, habitat, sociality, work, overdue, due, expired)
    SELECT u.unit, substr(c.day, 1, u.length), c.service_id, SUM(c.projects), SUM(c.high), SUM(c.medium), SUM(c.low), SUM(c.habitat), SUM(c.sociality), SUM(c.work), SUM(c.overdue), SUM(c.due), SUM(c.expired)
    FROM ptri_caseload_changes c JOIN calendar_units u WHERE c.ptri_id = NEW.id GROUP BY 1, 2, 3
    ON CONFLICT (unit, bucket, service_id) DO UPDATE SET projects = projects + excluded.projects, high = high + excluded.high, medium = medium + excluded.medium, low = low + excluded.low, habitat = habitat + excluded.habitat, sociality = sociality + excluded.sociality, work = work + excluded.work, overdue = overdue + excluded.overdue, due = due + excluded.due, expired = expired + excluded.expired;
END;
--> statement-breakpoint
CREATE TRIGGER ptris_caseload_leaving BEFORE UPDATE OF activated_on, ended_on, end_date, service_id, intensity, next_review_date ON ptris
WHEN NEW.activated_on IS NOT OLD.activated_on OR NEW.ended_on IS NOT OLD.ended_on OR NEW.end_date IS NOT OLD.end_date
  OR NEW.service_id IS NOT OLD.service_id OR NEW.intensity IS NOT OLD.intensity OR NEW.next_review_date IS NOT OLD.next_review_date
BEGIN
  INSERT INTO caseload_changes (unit, bucket, service_id, projects, high, medium, low, habitat, sociality, work, overdue, due, expired)
    SELECT u.unit, substr(c.day, 1, u.length), c.service_id, -SUM(c.projects), -SUM(c.high), -SUM(c.medium), -SUM(c.low), -SUM(c.habitat), -SUM(c.sociality), -SUM(c.work), -SUM(c.overdue), -SUM(c.due), -SUM(c.expired)
    FROM ptri_caseload_changes c JOIN calendar_units u WHERE c.ptri_id = OLD.id GROUP BY 1, 2, 3
    ON CONFLICT (unit, bucket, service_id) DO UPDATE SET projects = projects + excluded.projects, high = high + excluded.high, medium = medium + excluded.medium, low = low + excluded.low, habitat = habitat + excluded.habitat, sociality = sociality + excluded.sociality, work = work + excluded.work, overdue = overdue + excluded.overdue, due = due + excluded.due, expired = expired + excluded.expired;
END;
--> statement-breakpoint
CREATE TRIGGER ptris_caseload_entering AFTER UPDATE OF activated_on, ended_on, end_date, service_id, intensity, next_review_date ON ptris
WHEN NEW.activated_on IS NOT OLD.activated_on OR NEW.ended_on IS NOT OLD.ended_on OR NEW.end_date IS NOT OLD.end_date
  OR NEW.service_id IS NOT OLD.service_id OR NEW.intensity IS NOT OLD.intensity OR NEW.next_review_date IS NOT OLD.next_review_date
BEGIN
  INSERT INTO caseload_changes (unit, bucket, service_id, projects, high, medium, low, habitat, sociality, work, overdue, due, expired)
    SELECT u.unit, substr(c.day, 1, u.length), c.service_id, SUM(c.projects), SUM(c.high), SUM(c.medium), SUM(c.low), SUM(c.habitat), SUM(c.sociality), SUM(c.work), SUM(c.overdue), SUM(c.due), SUM(c.expired)
    FROM ptri_caseload_changes c JOIN calendar_units u WHERE c.ptri_id = NEW.id GROUP BY 1, 2, 3
    ON CONFLICT (unit, bucket, service_id) DO UPDATE SET projects = projects + excluded.projects, high = high + excluded.high, medium = medium + excluded.medium, low = low + excluded.low, habitat = habitat + excluded.habitat, sociality = sociality + excluded.sociality, work = work + excluded.work, overdue = overdue + excluded.overdue, due = due + excluded.due, expired = expired + excluded.expired;
END;
--> statement-breakpoint
-- Open goals alone changed (the goal triggers of migration 0011): only the in-care interval moves.
CREATE TRIGGER ptris_caseload_goals AFTER UPDATE OF open_goals_habitat, open_goals_sociality, open_goals_work ON ptris
WHEN (NEW.open_goals_habitat IS NOT OLD.open_goals_habitat OR NEW.open_goals_sociality IS NOT OLD.open_goals_sociality
    OR NEW.open_goals_work IS NOT OLD.open_goals_work)
  AND NEW.activated_on < COALESCE(NEW.ended_on, '9999-12-99') AND NOT (NEW.activated_on IS NOT OLD.activated_on OR NEW.ended_on IS NOT OLD.ended_on OR NEW.end_date IS NOT OLD.end_date
  OR NEW.service_id IS NOT OLD.service_id OR NEW.intensity IS NOT OLD.intensity OR NEW.next_review_date IS NOT OLD.next_review_date)
BEGIN
  INSERT INTO caseload_changes (unit, bucket, service_id, projects, high, medium, low, habitat, sociality, work, overdue, due, expired)
    SELECT u.unit, substr(e.day, 1, u.length), NEW.service_id, 0, 0, 0, 0,
      e.sign * (NEW.open_goals_habitat - OLD.open_goals_habitat), e.sign * (NEW.open_goals_sociality - OLD.open_goals_sociality),
      e.sign * (NEW.open_goals_work - OLD.open_goals_work), 0, 0, 0
    FROM (SELECT NEW.activated_on AS day, 1 AS sign
      UNION ALL SELECT COALESCE(NEW.ended_on, '9999-12-99'), -1) e JOIN calendar_units u WHERE true
    ON CONFLICT (unit, bucket, service_id) DO UPDATE SET habitat = habitat + excluded.habitat,
      sociality = sociality + excluded.sociality, work = work + excluded.work;
END;
--> statement-breakpoint
CREATE TRIGGER ptris_caseload_deleted BEFORE DELETE ON ptris WHEN OLD.activated_on IS NOT NULL
BEGIN
  INSERT INTO caseload_changes (unit, bucket, service_id, projects, high, medium, low, habitat, sociality, work, overdue, due, expired)
    SELECT u.unit, substr(c.day, 1, u.length), c.service_id, -SUM(c.projects), -SUM(c.high), -SUM(c.medium), -SUM(c.low), -SUM(c.habitat), -SUM(c.sociality), -SUM(c.work), -SUM(c.overdue), -SUM(c.due), -SUM(c.expired)
    FROM ptri_caseload_changes c JOIN calendar_units u WHERE c.ptri_id = OLD.id GROUP BY 1, 2, 3
    ON CONFLICT (unit, bucket, service_id) DO UPDATE SET projects = projects + excluded.projects, high = high + excluded.high, medium = medium + excluded.medium, low = low + excluded.low, habitat = habitat + excluded.habitat, sociality = sociality + excluded.sociality, work = work + excluded.work, overdue = overdue + excluded.overdue, due = due + excluded.due, expired = expired + excluded.expired;
END;
--> statement-breakpoint
DELETE FROM caseload_changes;
--> statement-breakpoint
INSERT INTO caseload_changes (unit, bucket, service_id, projects, high, medium, low, habitat, sociality, work, overdue, due, expired)
  SELECT u.unit, substr(c.day, 1, u.length), c.service_id, SUM(c.projects), SUM(c.high), SUM(c.medium), SUM(c.low), SUM(c.habitat), SUM(c.sociality), SUM(c.work), SUM(c.overdue), SUM(c.due), SUM(c.expired)
  FROM ptri_caseload_changes c JOIN calendar_units u WHERE true GROUP BY 1, 2, 3;
