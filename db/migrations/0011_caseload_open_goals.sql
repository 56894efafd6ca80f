-- Open goals per axis on each project, kept by triggers on goals, so the caseload report counts
-- them from its covering index instead of joining every goal of every project in care.
DROP INDEX `ptris_care_end_idx`;--> statement-breakpoint
ALTER TABLE `ptris` ADD `open_goals_habitat` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ptris` ADD `open_goals_sociality` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ptris` ADD `open_goals_work` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE ptris SET open_goals_habitat = g.habitat, open_goals_sociality = g.sociality, open_goals_work = g.work
  FROM (SELECT ptri_id, SUM(axis = 'habitat') AS habitat, SUM(axis = 'sociality') AS sociality, SUM(axis = 'work') AS work
    FROM goals WHERE status = 'open' GROUP BY ptri_id) AS g
  WHERE g.ptri_id = ptris.id;--> statement-breakpoint
CREATE INDEX `ptris_care_end_idx` ON `ptris` (COALESCE("ended_on", "end_date"),`activated_on`,`service_id`,`intensity`,`next_review_date`,`open_goals_habitat`,`open_goals_sociality`,`open_goals_work`);--> statement-breakpoint
CREATE TRIGGER goals_open_added AFTER INSERT ON goals WHEN NEW.status = 'open'
BEGIN
  UPDATE ptris SET open_goals_habitat = open_goals_habitat + (NEW.axis = 'habitat'),
    open_goals_sociality = open_goals_sociality + (NEW.axis = 'sociality'), open_goals_work = open_goals_work + (NEW.axis = 'work')
  WHERE id = NEW.ptri_id;
END;--> statement-breakpoint
CREATE TRIGGER goals_open_removed AFTER DELETE ON goals WHEN OLD.status = 'open'
BEGIN
  UPDATE ptris SET open_goals_habitat = open_goals_habitat - (OLD.axis = 'habitat'),
    open_goals_sociality = open_goals_sociality - (OLD.axis = 'sociality'), open_goals_work = open_goals_work - (OLD.axis = 'work')
  WHERE id = OLD.ptri_id;
END;--> statement-breakpoint
CREATE TRIGGER goals_open_changed AFTER UPDATE OF ptri_id, axis, status ON goals
  WHEN OLD.status = 'open' OR NEW.status = 'open'
BEGIN
  UPDATE ptris SET open_goals_habitat = open_goals_habitat - (OLD.axis = 'habitat'),
    open_goals_sociality = open_goals_sociality - (OLD.axis = 'sociality'), open_goals_work = open_goals_work - (OLD.axis = 'work')
  WHERE id = OLD.ptri_id AND OLD.status = 'open';
  UPDATE ptris SET open_goals_habitat = open_goals_habitat + (NEW.axis = 'habitat'),
    open_goals_sociality = open_goals_sociality + (NEW.axis = 'sociality'), open_goals_work = open_goals_work + (NEW.axis = 'work')
  WHERE id = NEW.ptri_id AND NEW.status = 'open';
END;
