CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`at` integer NOT NULL,
	`person_id` text NOT NULL,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`via` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_municipality_at` ON `audit_log` (`municipality_id`,`at`);--> statement-breakpoint
CREATE TABLE `form_links` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`form_id` text NOT NULL,
	`language` text NOT NULL,
	`respondent` text NOT NULL,
	`case_reference` text NOT NULL,
	`created_by` text NOT NULL,
	`unit_id` text,
	`single_use` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`sent_at` integer,
	`opened_at` integer,
	`started_at` integer,
	`submitted_at` integer,
	`response_id` text,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `form_links_token_hash_unique` ON `form_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `form_links_municipality_created` ON `form_links` (`municipality_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `form_links_case` ON `form_links` (`municipality_id`,`case_reference`);--> statement-breakpoint
ALTER TABLE `drafts` ADD `link_id` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `link_id` text;