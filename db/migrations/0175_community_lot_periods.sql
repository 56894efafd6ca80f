CREATE TABLE `community_lot_periods` (
	`period` text NOT NULL,
	`lot_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`activities` integer NOT NULL,
	`other_participants` integer NOT NULL,
	PRIMARY KEY(`period`, `lot_id`, `cooperative_id`)
);
--> statement-breakpoint
CREATE INDEX `community_activity_periods_activity_idx` ON `community_activity_periods` (`activity_id`,`period`);--> statement-breakpoint
-- Lot 4's other participants per period, lot and cooperative: the lot totals read these few rows
-- instead of joining every activity period of the year to its activity (50,000 at tier L).
INSERT INTO community_lot_periods (period, lot_id, cooperative_id, activities, other_participants)
  SELECT y.period, a.lot_id, a.cooperative_id, COUNT(*), SUM(y.other_participants)
  FROM community_activity_periods y JOIN community_activities a ON a.id = y.activity_id
  GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER community_lot_period_added AFTER INSERT ON community_activity_periods
BEGIN
  INSERT INTO community_lot_periods (period, lot_id, cooperative_id, activities, other_participants)
    SELECT NEW.period, a.lot_id, a.cooperative_id, 1, NEW.other_participants FROM community_activities a WHERE a.id = NEW.activity_id
    ON CONFLICT (period, lot_id, cooperative_id) DO UPDATE SET activities = activities + 1,
      other_participants = other_participants + excluded.other_participants;
END;
--> statement-breakpoint
-- A session recorded in a period the activity already has updates its row (the upsert of
-- addToPeriodSummaries): out of the old figures, into the new ones.
CREATE TRIGGER community_lot_period_changed AFTER UPDATE OF period, activity_id, other_participants ON community_activity_periods
WHEN NEW.period IS NOT OLD.period OR NEW.activity_id IS NOT OLD.activity_id OR NEW.other_participants IS NOT OLD.other_participants
BEGIN
  UPDATE community_lot_periods SET activities = activities - 1, other_participants = other_participants - OLD.other_participants
    WHERE period = OLD.period AND lot_id = (SELECT lot_id FROM community_activities WHERE id = OLD.activity_id)
      AND cooperative_id = (SELECT cooperative_id FROM community_activities WHERE id = OLD.activity_id);
  DELETE FROM community_lot_periods WHERE period = OLD.period AND activities = 0;
  INSERT INTO community_lot_periods (period, lot_id, cooperative_id, activities, other_participants)
    SELECT NEW.period, a.lot_id, a.cooperative_id, 1, NEW.other_participants FROM community_activities a WHERE a.id = NEW.activity_id
    ON CONFLICT (period, lot_id, cooperative_id) DO UPDATE SET activities = activities + 1,
      other_participants = other_participants + excluded.other_participants;
END;
--> statement-breakpoint
CREATE TRIGGER community_lot_period_removed AFTER DELETE ON community_activity_periods
BEGIN
  UPDATE community_lot_periods SET activities = activities - 1, other_participants = other_participants - OLD.other_participants
    WHERE period = OLD.period AND lot_id = (SELECT lot_id FROM community_activities WHERE id = OLD.activity_id)
      AND cooperative_id = (SELECT cooperative_id FROM community_activities WHERE id = OLD.activity_id);
  DELETE FROM community_lot_periods WHERE period = OLD.period AND activities = 0;
END;
--> statement-breakpoint
-- An activity moved to another lot or cooperative takes its periods along (found through
-- community_activity_periods_activity_idx).
CREATE TRIGGER community_activity_lot_moved AFTER UPDATE OF lot_id, cooperative_id ON community_activities
WHEN NEW.lot_id IS NOT OLD.lot_id OR NEW.cooperative_id IS NOT OLD.cooperative_id
BEGIN
  UPDATE community_lot_periods SET activities = activities - 1, other_participants = other_participants
      - (SELECT y.other_participants FROM community_activity_periods y WHERE y.activity_id = OLD.id AND y.period = community_lot_periods.period)
    WHERE period IN (SELECT period FROM community_activity_periods WHERE activity_id = OLD.id)
      AND lot_id = OLD.lot_id AND cooperative_id = OLD.cooperative_id;
  DELETE FROM community_lot_periods
    WHERE period IN (SELECT period FROM community_activity_periods WHERE activity_id = OLD.id) AND activities = 0;
  INSERT INTO community_lot_periods (period, lot_id, cooperative_id, activities, other_participants)
    SELECT period, NEW.lot_id, NEW.cooperative_id, 1, other_participants FROM community_activity_periods WHERE activity_id = NEW.id
    ON CONFLICT (period, lot_id, cooperative_id) DO UPDATE SET activities = activities + 1,
      other_participants = other_participants + excluded.other_participants;
END;
