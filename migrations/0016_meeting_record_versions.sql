CREATE TABLE `meeting_record_versions` (
	`meeting_id` text NOT NULL,
	`number` integer NOT NULL,
	`municipality_id` text NOT NULL,
	`document` text NOT NULL,
	`response_id` text,
	`assessment_id` text,
	`changes` text NOT NULL,
	`saved_by` text NOT NULL,
	`saved_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `number`)
);
--> statement-breakpoint
-- Written by hand: a saved version of a meeting record is the record of what was written, by
-- whom and when; it cannot be changed once stored (deleting stays possible for retention).
CREATE TRIGGER `meeting_record_versions_no_update` BEFORE UPDATE ON `meeting_record_versions`
BEGIN
  SELECT RAISE(ABORT, 'meeting record versions cannot be changed');
END;
