CREATE TABLE `community_scope_counts` (
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`group_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`axis` text NOT NULL,
	`persons` integer NOT NULL,
	PRIMARY KEY(`period`, `kind`, `group_id`, `cooperative_id`, `axis`)
);
--> statement-breakpoint
CREATE TABLE `community_scope_persons` (
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`group_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`axis` text NOT NULL,
	`person_id` integer NOT NULL,
	`activities` integer NOT NULL,
	PRIMARY KEY(`period`, `person_id`, `kind`, `group_id`, `cooperative_id`, `axis`)
);
--> statement-breakpoint
CREATE INDEX `community_activity_period_persons_activity_idx` ON `community_activity_period_persons` (`activity_id`,`period`,`person_id`);--> statement-breakpoint
-- Distinct persons of Lot 4 per period and group of activities, kept by triggers so that the lot
-- totals and the community report read a few counter rows instead of counting distinct persons
-- over a year's attendances. Each activity belongs to one group of each kind below; a person
-- counts once in a group while attending at least one of its activities (`activities` > 0).
CREATE VIEW community_activity_scopes AS
  SELECT id AS activity_id, 'all' AS kind, 0 AS group_id, 0 AS cooperative_id, '' AS axis FROM community_activities
  UNION ALL SELECT id, 'lot', lot_id, 0, '' FROM community_activities
  UNION ALL SELECT id, 'cooperative', lot_id, cooperative_id, '' FROM community_activities
  UNION ALL SELECT id, 'district', district_id, 0, '' FROM community_activities
  UNION ALL SELECT id, 'axis', 0, 0, axis FROM community_activities
  UNION ALL SELECT id, 'district_axis', district_id, 0, axis FROM community_activities;
--> statement-breakpoint
CREATE TRIGGER community_scope_person_added AFTER INSERT ON community_scope_persons
BEGIN
  INSERT INTO community_scope_counts (period, kind, group_id, cooperative_id, axis, persons)
    VALUES (NEW.period, NEW.kind, NEW.group_id, NEW.cooperative_id, NEW.axis, 1)
    ON CONFLICT (period, kind, group_id, cooperative_id, axis) DO UPDATE SET persons = persons + 1;
END;
--> statement-breakpoint
CREATE TRIGGER community_scope_person_removed AFTER DELETE ON community_scope_persons
BEGIN
  UPDATE community_scope_counts SET persons = persons - 1
    WHERE period = OLD.period AND kind = OLD.kind AND group_id = OLD.group_id AND cooperative_id = OLD.cooperative_id AND axis = OLD.axis;
  DELETE FROM community_scope_counts
    WHERE period = OLD.period AND kind = OLD.kind AND group_id = OLD.group_id AND cooperative_id = OLD.cooperative_id AND axis = OLD.axis AND persons = 0;
END;
--> statement-breakpoint
CREATE TRIGGER community_scope_person_left AFTER UPDATE OF activities ON community_scope_persons WHEN NEW.activities = 0
BEGIN
  DELETE FROM community_scope_persons
    WHERE period = NEW.period AND kind = NEW.kind AND group_id = NEW.group_id AND cooperative_id = NEW.cooperative_id AND axis = NEW.axis AND person_id = NEW.person_id;
END;
--> statement-breakpoint
INSERT INTO community_scope_persons (period, person_id, kind, group_id, cooperative_id, axis, activities)
  SELECT p.period, p.person_id, s.kind, s.group_id, s.cooperative_id, s.axis, COUNT(*)
  FROM community_activity_period_persons p JOIN community_activity_scopes s ON s.activity_id = p.activity_id
  GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
CREATE TRIGGER community_period_person_added AFTER INSERT ON community_activity_period_persons
BEGIN
  INSERT INTO community_scope_persons (period, kind, group_id, cooperative_id, axis, person_id, activities)
    SELECT NEW.period, s.kind, s.group_id, s.cooperative_id, s.axis, NEW.person_id, 1 FROM community_activity_scopes s WHERE s.activity_id = NEW.activity_id
    ON CONFLICT (period, person_id, kind, group_id, cooperative_id, axis) DO UPDATE SET activities = activities + 1;
END;
--> statement-breakpoint
CREATE TRIGGER community_period_person_removed AFTER DELETE ON community_activity_period_persons
BEGIN
  UPDATE community_scope_persons SET activities = activities - 1
    WHERE period = OLD.period AND person_id = OLD.person_id
      AND (kind, group_id, cooperative_id, axis) IN (SELECT kind, group_id, cooperative_id, axis FROM community_activity_scopes WHERE activity_id = OLD.activity_id);
END;
--> statement-breakpoint
CREATE TRIGGER community_period_person_moved AFTER UPDATE OF period, activity_id, person_id ON community_activity_period_persons
BEGIN
  UPDATE community_scope_persons SET activities = activities - 1
    WHERE period = OLD.period AND person_id = OLD.person_id
      AND (kind, group_id, cooperative_id, axis) IN (SELECT kind, group_id, cooperative_id, axis FROM community_activity_scopes WHERE activity_id = OLD.activity_id);
  INSERT INTO community_scope_persons (period, kind, group_id, cooperative_id, axis, person_id, activities)
    SELECT NEW.period, s.kind, s.group_id, s.cooperative_id, s.axis, NEW.person_id, 1 FROM community_activity_scopes s WHERE s.activity_id = NEW.activity_id
    ON CONFLICT (period, person_id, kind, group_id, cooperative_id, axis) DO UPDATE SET activities = activities + 1;
END;
--> statement-breakpoint
-- An activity moved to another district, axis, lot or cooperative takes its persons along: out of
-- its old groups before the change (the view still shows them), into the new ones after it.
CREATE TRIGGER community_activity_regrouping BEFORE UPDATE OF lot_id, cooperative_id, district_id, axis ON community_activities
  WHEN OLD.lot_id IS NOT NEW.lot_id OR OLD.cooperative_id IS NOT NEW.cooperative_id OR OLD.district_id IS NOT NEW.district_id OR OLD.axis IS NOT NEW.axis
BEGIN
  UPDATE community_scope_persons SET activities = activities - 1
    WHERE (period, person_id, kind, group_id, cooperative_id, axis) IN (
      SELECT p.period, p.person_id, s.kind, s.group_id, s.cooperative_id, s.axis
      FROM community_activity_period_persons p JOIN community_activity_scopes s ON s.activity_id = p.activity_id WHERE p.activity_id = OLD.id);
END;
--> statement-breakpoint
CREATE TRIGGER community_activity_regrouped AFTER UPDATE OF lot_id, cooperative_id, district_id, axis ON community_activities
  WHEN OLD.lot_id IS NOT NEW.lot_id OR OLD.cooperative_id IS NOT NEW.cooperative_id OR OLD.district_id IS NOT NEW.district_id OR OLD.axis IS NOT NEW.axis
BEGIN
  INSERT INTO community_scope_persons (period, kind, group_id, cooperative_id, axis, person_id, activities)
    SELECT p.period, s.kind, s.group_id, s.cooperative_id, s.axis, p.person_id, 1
    FROM community_activity_period_persons p JOIN community_activity_scopes s ON s.activity_id = p.activity_id WHERE p.activity_id = NEW.id
    ON CONFLICT (period, person_id, kind, group_id, cooperative_id, axis) DO UPDATE SET activities = activities + 1;
END;
