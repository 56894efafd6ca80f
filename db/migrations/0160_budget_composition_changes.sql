CREATE TABLE `budget_composition_changes` (
	`service_id` integer NOT NULL,
	`source` text NOT NULL,
	`axis` text NOT NULL,
	`year` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`minutes` integer NOT NULL,
	`projects` integer NOT NULL,
	PRIMARY KEY(`service_id`, `source`, `axis`, `year`)
);
--> statement-breakpoint
-- A project is in care in a year from the year of its activation to the year of its closure, or
-- every year while open (figures/definitions.ts, inCareDuring): its budget lines count in the
-- activation year and are taken off in the year after the closure. `projects` is 1 on the first
-- line of each source and axis of a project (and on the '' row when it has any line), so that
-- the sums count projects, not lines. A project closed in a year before its activation's is in
-- care in none. Rows with `ptri_id = ?` are read through the primary key and budget_lines_ptri_idx.
CREATE VIEW ptri_budget_composition_changes AS
  SELECT p.id AS ptri_id, p.service_id, CAST(substr(p.activated_on, 1, 4) AS INTEGER) AS year, l.source, l.axis,
    COALESCE(l.amount_cents, 0) AS amount_cents, COALESCE(l.minutes, 0) AS minutes,
    NOT EXISTS (SELECT 1 FROM budget_lines o WHERE o.ptri_id = l.ptri_id AND o.source = l.source AND o.axis = l.axis AND o.id < l.id) AS projects
  FROM ptris p JOIN budget_lines l ON l.ptri_id = p.id
  WHERE p.activated_on IS NOT NULL AND (p.ended_on IS NULL OR substr(p.ended_on, 1, 4) >= substr(p.activated_on, 1, 4))
  UNION ALL
  SELECT p.id, p.service_id, CAST(substr(p.ended_on, 1, 4) AS INTEGER) + 1, l.source, l.axis,
    -COALESCE(l.amount_cents, 0), -COALESCE(l.minutes, 0),
    -NOT EXISTS (SELECT 1 FROM budget_lines o WHERE o.ptri_id = l.ptri_id AND o.source = l.source AND o.axis = l.axis AND o.id < l.id)
  FROM ptris p JOIN budget_lines l ON l.ptri_id = p.id
  WHERE p.activated_on IS NOT NULL AND substr(p.ended_on, 1, 4) >= substr(p.activated_on, 1, 4)
  UNION ALL
  SELECT p.id, p.service_id, CAST(substr(p.activated_on, 1, 4) AS INTEGER), '', '', 0, 0, 1
  FROM ptris p
  WHERE p.activated_on IS NOT NULL AND (p.ended_on IS NULL OR substr(p.ended_on, 1, 4) >= substr(p.activated_on, 1, 4))
    AND EXISTS (SELECT 1 FROM budget_lines l WHERE l.ptri_id = p.id)
  UNION ALL
  SELECT p.id, p.service_id, CAST(substr(p.ended_on, 1, 4) AS INTEGER) + 1, '', '', 0, 0, -1
  FROM ptris p
  WHERE p.activated_on IS NOT NULL AND substr(p.ended_on, 1, 4) >= substr(p.activated_on, 1, 4)
    AND EXISTS (SELECT 1 FROM budget_lines l WHERE l.ptri_id = p.id);
--> statement-breakpoint
CREATE TRIGGER ptris_composition_leaving BEFORE UPDATE OF activated_on, ended_on, service_id ON ptris
WHEN NEW.activated_on IS NOT OLD.activated_on OR NEW.ended_on IS NOT OLD.ended_on OR NEW.service_id IS NOT OLD.service_id
BEGIN
  INSERT INTO budget_composition_changes (service_id, source, axis, year, amount_cents, minutes, projects)
    SELECT service_id, source, axis, year, -SUM(amount_cents), -SUM(minutes), -SUM(projects)
    FROM ptri_budget_composition_changes WHERE ptri_id = OLD.id GROUP BY 1, 2, 3, 4
    ON CONFLICT (service_id, source, axis, year) DO UPDATE SET amount_cents = amount_cents + excluded.amount_cents,
      minutes = minutes + excluded.minutes, projects = projects + excluded.projects;
END;
--> statement-breakpoint
CREATE TRIGGER ptris_composition_entering AFTER UPDATE OF activated_on, ended_on, service_id ON ptris
WHEN NEW.activated_on IS NOT OLD.activated_on OR NEW.ended_on IS NOT OLD.ended_on OR NEW.service_id IS NOT OLD.service_id
BEGIN
  INSERT INTO budget_composition_changes (service_id, source, axis, year, amount_cents, minutes, projects)
    SELECT service_id, source, axis, year, SUM(amount_cents), SUM(minutes), SUM(projects)
    FROM ptri_budget_composition_changes WHERE ptri_id = NEW.id GROUP BY 1, 2, 3, 4
    ON CONFLICT (service_id, source, axis, year) DO UPDATE SET amount_cents = amount_cents + excluded.amount_cents,
      minutes = minutes + excluded.minutes, projects = projects + excluded.projects;
END;
--> statement-breakpoint
CREATE TRIGGER budget_lines_composition_adding BEFORE INSERT ON budget_lines
BEGIN
  INSERT INTO budget_composition_changes (service_id, source, axis, year, amount_cents, minutes, projects)
    SELECT service_id, source, axis, year, -SUM(amount_cents), -SUM(minutes), -SUM(projects)
    FROM ptri_budget_composition_changes WHERE ptri_id = NEW.ptri_id GROUP BY 1, 2, 3, 4
    ON CONFLICT (service_id, source, axis, year) DO UPDATE SET amount_cents = amount_cents + excluded.amount_cents,
      minutes = minutes + excluded.minutes, projects = projects + excluded.projects;
END;
--> statement-breakpoint
CREATE TRIGGER budget_lines_composition_added AFTER INSERT ON budget_lines
BEGIN
  INSERT INTO budget_composition_changes (service_id, source, axis, year, amount_cents, minutes, projects)
    SELECT service_id, source, axis, year, SUM(amount_cents), SUM(minutes), SUM(projects)
    FROM ptri_budget_composition_changes WHERE ptri_id = NEW.ptri_id GROUP BY 1, 2, 3, 4
    ON CONFLICT (service_id, source, axis, year) DO UPDATE SET amount_cents = amount_cents + excluded.amount_cents,
      minutes = minutes + excluded.minutes, projects = projects + excluded.projects;
END;
--> statement-breakpoint
CREATE TRIGGER budget_lines_composition_changing BEFORE UPDATE OF ptri_id, source, axis, amount_cents, minutes ON budget_lines
WHEN NEW.ptri_id IS NOT OLD.ptri_id OR NEW.source IS NOT OLD.source OR NEW.axis IS NOT OLD.axis
  OR NEW.amount_cents IS NOT OLD.amount_cents OR NEW.minutes IS NOT OLD.minutes
BEGIN
  INSERT INTO budget_composition_changes (service_id, source, axis, year, amount_cents, minutes, projects)
    SELECT service_id, source, axis, year, -SUM(amount_cents), -SUM(minutes), -SUM(projects)
    FROM ptri_budget_composition_changes WHERE ptri_id IN (OLD.ptri_id, NEW.ptri_id) GROUP BY 1, 2, 3, 4
    ON CONFLICT (service_id, source, axis, year) DO UPDATE SET amount_cents = amount_cents + excluded.amount_cents,
      minutes = minutes + excluded.minutes, projects = projects + excluded.projects;
END;
--> statement-breakpoint
CREATE TRIGGER budget_lines_composition_changed AFTER UPDATE OF ptri_id, source, axis, amount_cents, minutes ON budget_lines
WHEN NEW.ptri_id IS NOT OLD.ptri_id OR NEW.source IS NOT OLD.source OR NEW.axis IS NOT OLD.axis
  OR NEW.amount_cents IS NOT OLD.amount_cents OR NEW.minutes IS NOT OLD.minutes
BEGIN
  INSERT INTO budget_composition_changes (service_id, source, axis, year, amount_cents, minutes, projects)
    SELECT service_id, source, axis, year, SUM(amount_cents), SUM(minutes), SUM(projects)
    FROM ptri_budget_composition_changes WHERE ptri_id IN (OLD.ptri_id, NEW.ptri_id) GROUP BY 1, 2, 3, 4
    ON CONFLICT (service_id, source, axis, year) DO UPDATE SET amount_cents = amount_cents + excluded.amount_cents,
      minutes = minutes + excluded.minutes, projects = projects + excluded.projects;
END;
--> statement-breakpoint
CREATE TRIGGER budget_lines_composition_removing BEFORE DELETE ON budget_lines
BEGIN
  INSERT INTO budget_composition_changes (service_id, source, axis, year, amount_cents, minutes, projects)
    SELECT service_id, source, axis, year, -SUM(amount_cents), -SUM(minutes), -SUM(projects)
    FROM ptri_budget_composition_changes WHERE ptri_id = OLD.ptri_id GROUP BY 1, 2, 3, 4
    ON CONFLICT (service_id, source, axis, year) DO UPDATE SET amount_cents = amount_cents + excluded.amount_cents,
      minutes = minutes + excluded.minutes, projects = projects + excluded.projects;
END;
--> statement-breakpoint
CREATE TRIGGER budget_lines_composition_removed AFTER DELETE ON budget_lines
BEGIN
  INSERT INTO budget_composition_changes (service_id, source, axis, year, amount_cents, minutes, projects)
    SELECT service_id, source, axis, year, SUM(amount_cents), SUM(minutes), SUM(projects)
    FROM ptri_budget_composition_changes WHERE ptri_id = OLD.ptri_id GROUP BY 1, 2, 3, 4
    ON CONFLICT (service_id, source, axis, year) DO UPDATE SET amount_cents = amount_cents + excluded.amount_cents,
      minutes = minutes + excluded.minutes, projects = projects + excluded.projects;
END;
--> statement-breakpoint
INSERT INTO budget_composition_changes (service_id, source, axis, year, amount_cents, minutes, projects)
  SELECT service_id, source, axis, year, SUM(amount_cents), SUM(minutes), SUM(projects)
  FROM ptri_budget_composition_changes WHERE true GROUP BY 1, 2, 3, 4;
