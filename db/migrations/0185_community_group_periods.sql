CREATE TABLE `community_group_periods` (
	`period` text NOT NULL,
	`district_id` integer NOT NULL,
	`axis` text NOT NULL,
	`activities` integer NOT NULL,
	`sessions` integer NOT NULL,
	`billed_minutes` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`attendances` integer NOT NULL,
	`other_participants` integer NOT NULL,
	`volunteers` integer NOT NULL,
	PRIMARY KEY(`period`, `district_id`, `axis`)
);
--> statement-breakpoint
-- The community report's totals by district, by axis and overall summed every activity of the
-- year (50,000 at tier L); these triggers keep the same sums per period, district and axis as the
-- activities' period rows and the activities' district and axis change.
CREATE TRIGGER community_group_period_added AFTER INSERT ON community_activity_periods
BEGIN
  INSERT INTO community_group_periods (period, district_id, axis, activities, sessions, billed_minutes, amount_cents, attendances, other_participants, volunteers)
    SELECT NEW.period, a.district_id, a.axis, 1, NEW.sessions, NEW.billed_minutes, NEW.amount_cents, NEW.attendances, NEW.other_participants, NEW.volunteers
    FROM community_activities a WHERE a.id = NEW.activity_id
    ON CONFLICT (period, district_id, axis) DO UPDATE SET activities = activities + 1, sessions = sessions + excluded.sessions,
      billed_minutes = billed_minutes + excluded.billed_minutes, amount_cents = amount_cents + excluded.amount_cents,
      attendances = attendances + excluded.attendances, other_participants = other_participants + excluded.other_participants,
      volunteers = volunteers + excluded.volunteers;
END;
--> statement-breakpoint
CREATE TRIGGER community_group_period_removed AFTER DELETE ON community_activity_periods
BEGIN
  UPDATE community_group_periods SET activities = activities - 1, sessions = sessions - OLD.sessions,
      billed_minutes = billed_minutes - OLD.billed_minutes, amount_cents = amount_cents - OLD.amount_cents,
      attendances = attendances - OLD.attendances, other_participants = other_participants - OLD.other_participants,
      volunteers = volunteers - OLD.volunteers
    WHERE period = OLD.period AND (district_id, axis) = (SELECT district_id, axis FROM community_activities WHERE id = OLD.activity_id);
  DELETE FROM community_group_periods
    WHERE period = OLD.period AND (district_id, axis) = (SELECT district_id, axis FROM community_activities WHERE id = OLD.activity_id) AND activities = 0;
END;
--> statement-breakpoint
CREATE TRIGGER community_group_period_changed AFTER UPDATE ON community_activity_periods
BEGIN
  INSERT INTO community_group_periods (period, district_id, axis, activities, sessions, billed_minutes, amount_cents, attendances, other_participants, volunteers)
    SELECT NEW.period, a.district_id, a.axis, 1, NEW.sessions, NEW.billed_minutes, NEW.amount_cents, NEW.attendances, NEW.other_participants, NEW.volunteers
    FROM community_activities a WHERE a.id = NEW.activity_id
    ON CONFLICT (period, district_id, axis) DO UPDATE SET activities = activities + 1, sessions = sessions + excluded.sessions,
      billed_minutes = billed_minutes + excluded.billed_minutes, amount_cents = amount_cents + excluded.amount_cents,
      attendances = attendances + excluded.attendances, other_participants = other_participants + excluded.other_participants,
      volunteers = volunteers + excluded.volunteers;
  UPDATE community_group_periods SET activities = activities - 1, sessions = sessions - OLD.sessions,
      billed_minutes = billed_minutes - OLD.billed_minutes, amount_cents = amount_cents - OLD.amount_cents,
      attendances = attendances - OLD.attendances, other_participants = other_participants - OLD.other_participants,
      volunteers = volunteers - OLD.volunteers
    WHERE period = OLD.period AND (district_id, axis) = (SELECT district_id, axis FROM community_activities WHERE id = OLD.activity_id);
  DELETE FROM community_group_periods
    WHERE period = OLD.period AND (district_id, axis) = (SELECT district_id, axis FROM community_activities WHERE id = OLD.activity_id) AND activities = 0;
END;
--> statement-breakpoint
CREATE TRIGGER community_group_activity_moved AFTER UPDATE OF district_id, axis ON community_activities
  WHEN OLD.district_id IS NOT NEW.district_id OR OLD.axis IS NOT NEW.axis
BEGIN
  INSERT INTO community_group_periods (period, district_id, axis, activities, sessions, billed_minutes, amount_cents, attendances, other_participants, volunteers)
    SELECT y.period, NEW.district_id, NEW.axis, 1, y.sessions, y.billed_minutes, y.amount_cents, y.attendances, y.other_participants, y.volunteers
    FROM community_activity_periods y WHERE y.activity_id = NEW.id
    ON CONFLICT (period, district_id, axis) DO UPDATE SET activities = activities + 1, sessions = sessions + excluded.sessions,
      billed_minutes = billed_minutes + excluded.billed_minutes, amount_cents = amount_cents + excluded.amount_cents,
      attendances = attendances + excluded.attendances, other_participants = other_participants + excluded.other_participants,
      volunteers = volunteers + excluded.volunteers;
  UPDATE community_group_periods SET
      activities = activities - 1,
      sessions = sessions - (SELECT y.sessions FROM community_activity_periods y WHERE y.activity_id = OLD.id AND y.period = community_group_periods.period),
      billed_minutes = billed_minutes - (SELECT y.billed_minutes FROM community_activity_periods y WHERE y.activity_id = OLD.id AND y.period = community_group_periods.period),
      amount_cents = amount_cents - (SELECT y.amount_cents FROM community_activity_periods y WHERE y.activity_id = OLD.id AND y.period = community_group_periods.period),
      attendances = attendances - (SELECT y.attendances FROM community_activity_periods y WHERE y.activity_id = OLD.id AND y.period = community_group_periods.period),
      other_participants = other_participants - (SELECT y.other_participants FROM community_activity_periods y WHERE y.activity_id = OLD.id AND y.period = community_group_periods.period),
      volunteers = volunteers - (SELECT y.volunteers FROM community_activity_periods y WHERE y.activity_id = OLD.id AND y.period = community_group_periods.period)
    WHERE district_id = OLD.district_id AND axis = OLD.axis AND period IN (SELECT period FROM community_activity_periods WHERE activity_id = OLD.id);
  DELETE FROM community_group_periods
    WHERE district_id = OLD.district_id AND axis = OLD.axis AND activities = 0 AND period IN (SELECT period FROM community_activity_periods WHERE activity_id = OLD.id);
END;
--> statement-breakpoint
INSERT INTO community_group_periods (period, district_id, axis, activities, sessions, billed_minutes, amount_cents, attendances, other_participants, volunteers)
  SELECT y.period, a.district_id, a.axis, COUNT(*), SUM(y.sessions), SUM(y.billed_minutes), SUM(y.amount_cents), SUM(y.attendances),
    SUM(y.other_participants), SUM(y.volunteers)
  FROM community_activity_periods y JOIN community_activities a ON a.id = y.activity_id
  GROUP BY 1, 2, 3;
