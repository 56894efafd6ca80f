CREATE TABLE `outcome_counts` (
	`year` integer NOT NULL,
	`service_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`figure` text NOT NULL,
	`value` integer NOT NULL,
	`key_a` text NOT NULL,
	`key_b` text NOT NULL,
	`n` integer NOT NULL,
	`first_key` text,
	PRIMARY KEY(`year`, `service_id`, `lot_id`, `figure`, `value`, `key_a`, `key_b`)
);
--> statement-breakpoint
CREATE TABLE `ptri_outcome_years` (
	`ptri_id` integer NOT NULL,
	`year` integer NOT NULL,
	`service_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`first_key` text NOT NULL,
	`honos_change` integer,
	`living_from` text,
	`living_to` text,
	`work_from` text,
	`work_to` text,
	`days_submission_to_active` integer,
	`days_draft_to_active` integer,
	PRIMARY KEY(`ptri_id`, `year`),
	FOREIGN KEY (`ptri_id`) REFERENCES `ptris`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ptri_outcome_years_living_idx` ON `ptri_outcome_years` (`year`,`service_id`,`lot_id`,`living_from`,`living_to`,`first_key`) WHERE "ptri_outcome_years"."living_from" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `ptri_outcome_years_work_idx` ON `ptri_outcome_years` (`year`,`service_id`,`lot_id`,`work_from`,`work_to`,`first_key`) WHERE "ptri_outcome_years"."work_from" IS NOT NULL;--> statement-breakpoint
-- The outcomes report read every project evaluated in the year with nine correlated subqueries
-- each (1.34 s at tier M). It now reads the counters of `outcome_counts`, kept from a summary per
-- project and year (`ptri_outcome_years`) that the triggers below recompute from the raw rows
-- whenever one the report reads changes. This view is that recomputation, the report's old
-- per-project query: the first and latest HoNOS total, living and work situation recorded up to
-- the year's end (a pair needs two evaluations recording it), and for a project activated in the
-- year the days from its latest submission and from its draft's creation.
CREATE VIEW ptri_outcome_facts AS
  SELECT y.ptri_id AS ptri_id, CAST(y.year AS INTEGER) AS year, p.service_id AS service_id, p.lot_id AS lot_id,
    y.first_date || printf('%012d', y.ptri_id) AS first_key,
    CASE WHEN (SELECT COUNT(*) FROM evaluations e WHERE e.ptri_id = y.ptri_id AND e.date <= y.year || '-12-31' AND e.honos_total IS NOT NULL) >= 2 THEN
      (SELECT e.honos_total FROM evaluations e WHERE e.ptri_id = y.ptri_id AND e.date <= y.year || '-12-31' AND e.honos_total IS NOT NULL ORDER BY e.date DESC, e.id DESC LIMIT 1)
      - (SELECT e.honos_total FROM evaluations e WHERE e.ptri_id = y.ptri_id AND e.date <= y.year || '-12-31' AND e.honos_total IS NOT NULL ORDER BY e.date, e.id LIMIT 1)
    END AS honos_change,
    CASE WHEN (SELECT COUNT(*) FROM evaluations e WHERE e.ptri_id = y.ptri_id AND e.date <= y.year || '-12-31' AND e.living IS NOT NULL) >= 2 THEN
      (SELECT e.living FROM evaluations e WHERE e.ptri_id = y.ptri_id AND e.date <= y.year || '-12-31' AND e.living IS NOT NULL ORDER BY e.date, e.id LIMIT 1)
    END AS living_from,
    CASE WHEN (SELECT COUNT(*) FROM evaluations e WHERE e.ptri_id = y.ptri_id AND e.date <= y.year || '-12-31' AND e.living IS NOT NULL) >= 2 THEN
      (SELECT e.living FROM evaluations e WHERE e.ptri_id = y.ptri_id AND e.date <= y.year || '-12-31' AND e.living IS NOT NULL ORDER BY e.date DESC, e.id DESC LIMIT 1)
    END AS living_to,
    CASE WHEN (SELECT COUNT(*) FROM evaluations e WHERE e.ptri_id = y.ptri_id AND e.date <= y.year || '-12-31' AND e.work IS NOT NULL) >= 2 THEN
      (SELECT e.work FROM evaluations e WHERE e.ptri_id = y.ptri_id AND e.date <= y.year || '-12-31' AND e.work IS NOT NULL ORDER BY e.date, e.id LIMIT 1)
    END AS work_from,
    CASE WHEN (SELECT COUNT(*) FROM evaluations e WHERE e.ptri_id = y.ptri_id AND e.date <= y.year || '-12-31' AND e.work IS NOT NULL) >= 2 THEN
      (SELECT e.work FROM evaluations e WHERE e.ptri_id = y.ptri_id AND e.date <= y.year || '-12-31' AND e.work IS NOT NULL ORDER BY e.date DESC, e.id DESC LIMIT 1)
    END AS work_to,
    CASE WHEN p.activated_on BETWEEN y.year || '-01-01' AND y.year || '-12-31' THEN
      CAST(julianday(p.activated_on) - julianday((SELECT t.effective_date FROM ptri_transitions t
        WHERE t.ptri_id = p.id AND t.to_status = 'submitted' AND t.effective_date <= p.activated_on ORDER BY t.id DESC LIMIT 1)) AS INTEGER)
    END AS days_submission_to_active,
    CASE WHEN p.activated_on BETWEEN y.year || '-01-01' AND y.year || '-12-31' THEN
      CAST(julianday(p.activated_on) - julianday(substr(p.created_at, 1, 10)) AS INTEGER)
    END AS days_draft_to_active
  FROM (SELECT ptri_id, substr(date, 1, 4) AS year, MIN(date) AS first_date FROM evaluations GROUP BY ptri_id, substr(date, 1, 4)) AS y
  JOIN ptris p ON p.id = y.ptri_id;
--> statement-breakpoint
-- What one project-year adds to the counters (the goals as they stand now).
CREATE VIEW ptri_outcome_contributions AS
  SELECT ptri_id, year, service_id, lot_id, 'evaluated' AS figure, 0 AS value, '' AS key_a, '' AS key_b, 1 AS n, NULL AS first_key FROM ptri_outcome_years
  UNION ALL SELECT ptri_id, year, service_id, lot_id, 'honos', honos_change, '', '', 1, NULL FROM ptri_outcome_years WHERE honos_change IS NOT NULL
  UNION ALL SELECT ptri_id, year, service_id, lot_id, 'living', 0, living_from, living_to, 1, first_key FROM ptri_outcome_years WHERE living_from IS NOT NULL
  UNION ALL SELECT ptri_id, year, service_id, lot_id, 'work', 0, work_from, work_to, 1, first_key FROM ptri_outcome_years WHERE work_from IS NOT NULL
  UNION ALL SELECT ptri_id, year, service_id, lot_id, 'submission_days', days_submission_to_active, '', '', 1, NULL FROM ptri_outcome_years
    WHERE days_submission_to_active IS NOT NULL
  UNION ALL SELECT ptri_id, year, service_id, lot_id, 'draft_days', days_draft_to_active, '', '', 1, NULL FROM ptri_outcome_years
    WHERE days_draft_to_active IS NOT NULL
  UNION ALL SELECT y.ptri_id, y.year, y.service_id, y.lot_id, 'goal', 0, g.axis, g.status, COUNT(*), NULL
    FROM ptri_outcome_years y JOIN goals g ON g.ptri_id = y.ptri_id GROUP BY y.ptri_id, y.year, g.axis, g.status;
--> statement-breakpoint
-- Every counter recomputed: the backfill, the benchmark generator and the property test use it.
CREATE VIEW outcome_counts_recomputed AS
  SELECT year, service_id, lot_id, figure, value, key_a, key_b, SUM(n) AS n, MIN(first_key) AS first_key
  FROM ptri_outcome_contributions GROUP BY year, service_id, lot_id, figure, value, key_a, key_b
  UNION ALL SELECT CAST(substr(f.date, 1, 4) AS INTEGER), p.service_id, p.lot_id, 'follow_up', 0, '', '', COUNT(*), NULL
  FROM follow_ups f JOIN ptris p ON p.id = f.ptri_id GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO ptri_outcome_years SELECT * FROM ptri_outcome_facts;
--> statement-breakpoint
INSERT INTO outcome_counts SELECT * FROM outcome_counts_recomputed;
--> statement-breakpoint
CREATE TRIGGER ptri_outcome_year_added AFTER INSERT ON ptri_outcome_years
BEGIN
  INSERT INTO outcome_counts (year, service_id, lot_id, figure, value, key_a, key_b, n)
    SELECT year, service_id, lot_id, figure, value, key_a, key_b, n FROM ptri_outcome_contributions WHERE ptri_id = NEW.ptri_id AND year = NEW.year
    ON CONFLICT (year, service_id, lot_id, figure, value, key_a, key_b) DO UPDATE SET n = n + excluded.n;
  UPDATE outcome_counts SET first_key = MIN(COALESCE(first_key, NEW.first_key), NEW.first_key)
    WHERE year = NEW.year AND service_id = NEW.service_id AND lot_id = NEW.lot_id
      AND figure = 'living' AND value = 0 AND key_a = NEW.living_from AND key_b = NEW.living_to;
  UPDATE outcome_counts SET first_key = MIN(COALESCE(first_key, NEW.first_key), NEW.first_key)
    WHERE year = NEW.year AND service_id = NEW.service_id AND lot_id = NEW.lot_id
      AND figure = 'work' AND value = 0 AND key_a = NEW.work_from AND key_b = NEW.work_to;
END;
--> statement-breakpoint
CREATE TRIGGER ptri_outcome_year_removing BEFORE DELETE ON ptri_outcome_years
BEGIN
  INSERT INTO outcome_counts (year, service_id, lot_id, figure, value, key_a, key_b, n)
    SELECT year, service_id, lot_id, figure, value, key_a, key_b, -n FROM ptri_outcome_contributions WHERE ptri_id = OLD.ptri_id AND year = OLD.year
    ON CONFLICT (year, service_id, lot_id, figure, value, key_a, key_b) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER ptri_outcome_year_removed AFTER DELETE ON ptri_outcome_years
BEGIN
  UPDATE outcome_counts SET first_key = (SELECT y.first_key FROM ptri_outcome_years y
      WHERE y.year = OLD.year AND y.service_id = OLD.service_id AND y.lot_id = OLD.lot_id AND y.living_from IS NOT NULL
        AND y.living_from = OLD.living_from AND y.living_to = OLD.living_to ORDER BY y.first_key LIMIT 1)
    WHERE year = OLD.year AND service_id = OLD.service_id AND lot_id = OLD.lot_id
      AND figure = 'living' AND value = 0 AND key_a = OLD.living_from AND key_b = OLD.living_to AND first_key = OLD.first_key;
  UPDATE outcome_counts SET first_key = (SELECT y.first_key FROM ptri_outcome_years y
      WHERE y.year = OLD.year AND y.service_id = OLD.service_id AND y.lot_id = OLD.lot_id AND y.work_from IS NOT NULL
        AND y.work_from = OLD.work_from AND y.work_to = OLD.work_to ORDER BY y.first_key LIMIT 1)
    WHERE year = OLD.year AND service_id = OLD.service_id AND lot_id = OLD.lot_id
      AND figure = 'work' AND value = 0 AND key_a = OLD.work_from AND key_b = OLD.work_to AND first_key = OLD.first_key;
END;
--> statement-breakpoint
CREATE TRIGGER outcome_evaluation_added AFTER INSERT ON evaluations
BEGIN
  DELETE FROM ptri_outcome_years WHERE ptri_id = NEW.ptri_id;
  INSERT INTO ptri_outcome_years SELECT * FROM ptri_outcome_facts WHERE ptri_id = NEW.ptri_id;
END;
--> statement-breakpoint
CREATE TRIGGER outcome_evaluation_changed AFTER UPDATE OF ptri_id, date, honos_total, living, work ON evaluations
BEGIN
  DELETE FROM ptri_outcome_years WHERE ptri_id IN (OLD.ptri_id, NEW.ptri_id);
  INSERT INTO ptri_outcome_years SELECT * FROM ptri_outcome_facts WHERE ptri_id IN (OLD.ptri_id, NEW.ptri_id);
END;
--> statement-breakpoint
CREATE TRIGGER outcome_evaluation_removed AFTER DELETE ON evaluations
BEGIN
  DELETE FROM ptri_outcome_years WHERE ptri_id = OLD.ptri_id;
  INSERT INTO ptri_outcome_years SELECT * FROM ptri_outcome_facts WHERE ptri_id = OLD.ptri_id;
END;
--> statement-breakpoint
CREATE TRIGGER outcome_ptri_changed AFTER UPDATE OF service_id, lot_id, activated_on, created_at ON ptris
  WHEN OLD.service_id IS NOT NEW.service_id OR OLD.lot_id IS NOT NEW.lot_id OR OLD.activated_on IS NOT NEW.activated_on OR OLD.created_at IS NOT NEW.created_at
BEGIN
  DELETE FROM ptri_outcome_years WHERE ptri_id = NEW.id;
  INSERT INTO ptri_outcome_years SELECT * FROM ptri_outcome_facts WHERE ptri_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER outcome_ptri_follow_ups_moved AFTER UPDATE OF service_id, lot_id ON ptris
  WHEN OLD.service_id IS NOT NEW.service_id OR OLD.lot_id IS NOT NEW.lot_id
BEGIN
  INSERT INTO outcome_counts (year, service_id, lot_id, figure, value, key_a, key_b, n)
    SELECT CAST(substr(date, 1, 4) AS INTEGER), OLD.service_id, OLD.lot_id, 'follow_up', 0, '', '', -COUNT(*) FROM follow_ups WHERE ptri_id = OLD.id GROUP BY 1
    UNION ALL SELECT CAST(substr(date, 1, 4) AS INTEGER), NEW.service_id, NEW.lot_id, 'follow_up', 0, '', '', COUNT(*) FROM follow_ups WHERE ptri_id = NEW.id GROUP BY 1
    ON CONFLICT (year, service_id, lot_id, figure, value, key_a, key_b) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER outcome_submission_added AFTER INSERT ON ptri_transitions WHEN NEW.to_status = 'submitted'
BEGIN
  DELETE FROM ptri_outcome_years WHERE ptri_id = NEW.ptri_id;
  INSERT INTO ptri_outcome_years SELECT * FROM ptri_outcome_facts WHERE ptri_id = NEW.ptri_id;
END;
--> statement-breakpoint
CREATE TRIGGER outcome_submission_changed AFTER UPDATE OF ptri_id, to_status, effective_date ON ptri_transitions
  WHEN OLD.to_status = 'submitted' OR NEW.to_status = 'submitted'
BEGIN
  DELETE FROM ptri_outcome_years WHERE ptri_id IN (OLD.ptri_id, NEW.ptri_id);
  INSERT INTO ptri_outcome_years SELECT * FROM ptri_outcome_facts WHERE ptri_id IN (OLD.ptri_id, NEW.ptri_id);
END;
--> statement-breakpoint
CREATE TRIGGER outcome_submission_removed AFTER DELETE ON ptri_transitions WHEN OLD.to_status = 'submitted'
BEGIN
  DELETE FROM ptri_outcome_years WHERE ptri_id = OLD.ptri_id;
  INSERT INTO ptri_outcome_years SELECT * FROM ptri_outcome_facts WHERE ptri_id = OLD.ptri_id;
END;
--> statement-breakpoint
CREATE TRIGGER outcome_goal_added AFTER INSERT ON goals
BEGIN
  INSERT INTO outcome_counts (year, service_id, lot_id, figure, value, key_a, key_b, n)
    SELECT year, service_id, lot_id, 'goal', 0, NEW.axis, NEW.status, 1 FROM ptri_outcome_years WHERE ptri_id = NEW.ptri_id
    ON CONFLICT (year, service_id, lot_id, figure, value, key_a, key_b) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER outcome_goal_changed AFTER UPDATE OF ptri_id, axis, status ON goals
BEGIN
  INSERT INTO outcome_counts (year, service_id, lot_id, figure, value, key_a, key_b, n)
    SELECT year, service_id, lot_id, 'goal', 0, OLD.axis, OLD.status, -1 FROM ptri_outcome_years WHERE ptri_id = OLD.ptri_id
    UNION ALL SELECT year, service_id, lot_id, 'goal', 0, NEW.axis, NEW.status, 1 FROM ptri_outcome_years WHERE ptri_id = NEW.ptri_id
    ON CONFLICT (year, service_id, lot_id, figure, value, key_a, key_b) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER outcome_goal_removed AFTER DELETE ON goals
BEGIN
  INSERT INTO outcome_counts (year, service_id, lot_id, figure, value, key_a, key_b, n)
    SELECT year, service_id, lot_id, 'goal', 0, OLD.axis, OLD.status, -1 FROM ptri_outcome_years WHERE ptri_id = OLD.ptri_id
    ON CONFLICT (year, service_id, lot_id, figure, value, key_a, key_b) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER outcome_follow_up_added AFTER INSERT ON follow_ups
BEGIN
  INSERT INTO outcome_counts (year, service_id, lot_id, figure, value, key_a, key_b, n)
    SELECT CAST(substr(NEW.date, 1, 4) AS INTEGER), service_id, lot_id, 'follow_up', 0, '', '', 1 FROM ptris WHERE id = NEW.ptri_id
    ON CONFLICT (year, service_id, lot_id, figure, value, key_a, key_b) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER outcome_follow_up_changed AFTER UPDATE OF ptri_id, date ON follow_ups
BEGIN
  INSERT INTO outcome_counts (year, service_id, lot_id, figure, value, key_a, key_b, n)
    SELECT CAST(substr(OLD.date, 1, 4) AS INTEGER), service_id, lot_id, 'follow_up', 0, '', '', -1 FROM ptris WHERE id = OLD.ptri_id
    UNION ALL SELECT CAST(substr(NEW.date, 1, 4) AS INTEGER), service_id, lot_id, 'follow_up', 0, '', '', 1 FROM ptris WHERE id = NEW.ptri_id
    ON CONFLICT (year, service_id, lot_id, figure, value, key_a, key_b) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER outcome_follow_up_removed AFTER DELETE ON follow_ups
BEGIN
  INSERT INTO outcome_counts (year, service_id, lot_id, figure, value, key_a, key_b, n)
    SELECT CAST(substr(OLD.date, 1, 4) AS INTEGER), service_id, lot_id, 'follow_up', 0, '', '', -1 FROM ptris WHERE id = OLD.ptri_id
    ON CONFLICT (year, service_id, lot_id, figure, value, key_a, key_b) DO UPDATE SET n = n + excluded.n;
END;
