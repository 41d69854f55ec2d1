CREATE TABLE `assessment_versions` (
	`assessment_id` text NOT NULL,
	`number` integer NOT NULL,
	`municipality_id` text NOT NULL,
	`status` text NOT NULL,
	`document` text NOT NULL,
	`changes` text NOT NULL,
	`saved_by` text NOT NULL,
	`saved_at` integer NOT NULL,
	PRIMARY KEY(`assessment_id`, `number`)
);
--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`case_reference` text NOT NULL,
	`created_by` text NOT NULL,
	`unit_id` text,
	`response_id` text,
	`link_id` text,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	`feedback_version` integer,
	`feedback_sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `assessments_case` ON `assessments` (`municipality_id`,`case_reference`);--> statement-breakpoint
CREATE INDEX `assessments_link` ON `assessments` (`link_id`);--> statement-breakpoint
CREATE TABLE `meeting_records` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`case_reference` text NOT NULL,
	`created_by` text NOT NULL,
	`unit_id` text,
	`response_id` text,
	`assessment_id` text,
	`document` text NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `meeting_records_case` ON `meeting_records` (`municipality_id`,`case_reference`);--> statement-breakpoint
CREATE TABLE `case_settings` (
	`municipality_id` text PRIMARY KEY NOT NULL,
	`flag_review_working_days` integer DEFAULT 2 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `response_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`response_id` text NOT NULL,
	`reviewed_by` text NOT NULL,
	`reviewed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `response_reviews_response` ON `response_reviews` (`response_id`);--> statement-breakpoint
-- Written by hand: a saved assessment version is the record of what was written, by whom and
-- when, and a review is an event; neither can be changed once stored (deleting stays possible for retention).
CREATE TRIGGER `assessment_versions_no_update` BEFORE UPDATE ON `assessment_versions`
BEGIN
  SELECT RAISE(ABORT, 'assessment versions cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `response_reviews_no_update` BEFORE UPDATE ON `response_reviews`
BEGIN
  SELECT RAISE(ABORT, 'reviews cannot be changed');
END;
