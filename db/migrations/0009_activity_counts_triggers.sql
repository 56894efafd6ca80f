-- Distinct persons and projects per period, lot, cooperative and service (0 = all), kept by
-- triggers on ptri_activity_periods: a row appears with a project's first intervention of the
-- period for a cooperative and goes with its last, so each counter moves only when the first or
-- last row of a person (or project) in its group comes or goes.
CREATE TRIGGER activity_counts_added AFTER INSERT ON ptri_activity_periods
BEGIN
  INSERT INTO activity_counts (period, lot_id, cooperative_id, service_id, users, projects)
    VALUES (NEW.period, NEW.lot_id, NEW.cooperative_id, NEW.service_id,
      NOT EXISTS (SELECT 1 FROM ptri_activity_periods a WHERE a.period = NEW.period AND a.lot_id = NEW.lot_id AND a.person_id = NEW.person_id AND a.cooperative_id = NEW.cooperative_id AND a.service_id = NEW.service_id AND NOT (a.ptri_id = NEW.ptri_id AND a.cooperative_id = NEW.cooperative_id)),
      1)
    ON CONFLICT (period, lot_id, cooperative_id, service_id) DO UPDATE SET users = users + excluded.users, projects = projects + excluded.projects;
  INSERT INTO activity_counts (period, lot_id, cooperative_id, service_id, users, projects)
    VALUES (NEW.period, NEW.lot_id, NEW.cooperative_id, 0,
      NOT EXISTS (SELECT 1 FROM ptri_activity_periods a WHERE a.period = NEW.period AND a.lot_id = NEW.lot_id AND a.person_id = NEW.person_id AND a.cooperative_id = NEW.cooperative_id AND NOT (a.ptri_id = NEW.ptri_id AND a.cooperative_id = NEW.cooperative_id)),
      1)
    ON CONFLICT (period, lot_id, cooperative_id, service_id) DO UPDATE SET users = users + excluded.users, projects = projects + excluded.projects;
  INSERT INTO activity_counts (period, lot_id, cooperative_id, service_id, users, projects)
    VALUES (NEW.period, NEW.lot_id, 0, NEW.service_id,
      NOT EXISTS (SELECT 1 FROM ptri_activity_periods a WHERE a.period = NEW.period AND a.lot_id = NEW.lot_id AND a.person_id = NEW.person_id AND a.service_id = NEW.service_id AND NOT (a.ptri_id = NEW.ptri_id AND a.cooperative_id = NEW.cooperative_id)),
      NOT EXISTS (SELECT 1 FROM ptri_activity_periods a WHERE a.period = NEW.period AND a.lot_id = NEW.lot_id AND a.person_id = NEW.person_id AND a.ptri_id = NEW.ptri_id AND a.service_id = NEW.service_id AND a.cooperative_id <> NEW.cooperative_id))
    ON CONFLICT (period, lot_id, cooperative_id, service_id) DO UPDATE SET users = users + excluded.users, projects = projects + excluded.projects;
  INSERT INTO activity_counts (period, lot_id, cooperative_id, service_id, users, projects)
    VALUES (NEW.period, NEW.lot_id, 0, 0,
      NOT EXISTS (SELECT 1 FROM ptri_activity_periods a WHERE a.period = NEW.period AND a.lot_id = NEW.lot_id AND a.person_id = NEW.person_id AND NOT (a.ptri_id = NEW.ptri_id AND a.cooperative_id = NEW.cooperative_id)),
      NOT EXISTS (SELECT 1 FROM ptri_activity_periods a WHERE a.period = NEW.period AND a.lot_id = NEW.lot_id AND a.person_id = NEW.person_id AND a.ptri_id = NEW.ptri_id AND a.cooperative_id <> NEW.cooperative_id))
    ON CONFLICT (period, lot_id, cooperative_id, service_id) DO UPDATE SET users = users + excluded.users, projects = projects + excluded.projects;
END;
--> statement-breakpoint
CREATE TRIGGER activity_counts_removed AFTER DELETE ON ptri_activity_periods
BEGIN
  UPDATE activity_counts SET
      users = users - NOT EXISTS (SELECT 1 FROM ptri_activity_periods a WHERE a.period = OLD.period AND a.lot_id = OLD.lot_id AND a.person_id = OLD.person_id AND a.cooperative_id = OLD.cooperative_id AND a.service_id = OLD.service_id),
      projects = projects - 1
    WHERE period = OLD.period AND lot_id = OLD.lot_id AND cooperative_id = OLD.cooperative_id AND service_id = OLD.service_id;
  UPDATE activity_counts SET
      users = users - NOT EXISTS (SELECT 1 FROM ptri_activity_periods a WHERE a.period = OLD.period AND a.lot_id = OLD.lot_id AND a.person_id = OLD.person_id AND a.cooperative_id = OLD.cooperative_id),
      projects = projects - 1
    WHERE period = OLD.period AND lot_id = OLD.lot_id AND cooperative_id = OLD.cooperative_id AND service_id = 0;
  UPDATE activity_counts SET
      users = users - NOT EXISTS (SELECT 1 FROM ptri_activity_periods a WHERE a.period = OLD.period AND a.lot_id = OLD.lot_id AND a.person_id = OLD.person_id AND a.service_id = OLD.service_id),
      projects = projects - NOT EXISTS (SELECT 1 FROM ptri_activity_periods a WHERE a.period = OLD.period AND a.lot_id = OLD.lot_id AND a.person_id = OLD.person_id AND a.ptri_id = OLD.ptri_id AND a.service_id = OLD.service_id)
    WHERE period = OLD.period AND lot_id = OLD.lot_id AND cooperative_id = 0 AND service_id = OLD.service_id;
  UPDATE activity_counts SET
      users = users - NOT EXISTS (SELECT 1 FROM ptri_activity_periods a WHERE a.period = OLD.period AND a.lot_id = OLD.lot_id AND a.person_id = OLD.person_id),
      projects = projects - NOT EXISTS (SELECT 1 FROM ptri_activity_periods a WHERE a.period = OLD.period AND a.lot_id = OLD.lot_id AND a.person_id = OLD.person_id AND a.ptri_id = OLD.ptri_id)
    WHERE period = OLD.period AND lot_id = OLD.lot_id AND cooperative_id = 0 AND service_id = 0;
END;
--> statement-breakpoint
INSERT INTO activity_counts (period, lot_id, cooperative_id, service_id, users, projects)
  SELECT period, lot_id, cooperative_id, service_id, COUNT(DISTINCT person_id), COUNT(DISTINCT ptri_id) FROM ptri_activity_periods GROUP BY 1, 2, 3, 4
  UNION ALL SELECT period, lot_id, cooperative_id, 0, COUNT(DISTINCT person_id), COUNT(DISTINCT ptri_id) FROM ptri_activity_periods GROUP BY 1, 2, 3
  UNION ALL SELECT period, lot_id, 0, service_id, COUNT(DISTINCT person_id), COUNT(DISTINCT ptri_id) FROM ptri_activity_periods GROUP BY 1, 2, 4
  UNION ALL SELECT period, lot_id, 0, 0, COUNT(DISTINCT person_id), COUNT(DISTINCT ptri_id) FROM ptri_activity_periods GROUP BY 1, 2;
