CREATE TABLE `draft_keys` (
	`key_hash` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `draft_keys_draft` ON `draft_keys` (`draft_id`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`form_id` text NOT NULL,
	`form_version` text NOT NULL,
	`language` text NOT NULL,
	`answers` text NOT NULL,
	`submission_id` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`resume_code_hash` text,
	`reference` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_submission_id_unique` ON `drafts` (`submission_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_resume_code_hash_unique` ON `drafts` (`resume_code_hash`);--> statement-breakpoint
CREATE INDEX `drafts_expires_at` ON `drafts` (`expires_at`);--> statement-breakpoint
CREATE TABLE `form_versions` (
	`form_id` text NOT NULL,
	`version` text NOT NULL,
	`definition` text NOT NULL,
	`first_used_at` integer NOT NULL,
	PRIMARY KEY(`form_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `municipalities` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`written_standard` text NOT NULL,
	`suppression_threshold` integer DEFAULT 5 NOT NULL,
	`draft_ttl_days` integer DEFAULT 30 NOT NULL,
	`database` text DEFAULT 'DB' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `publications` (
	`municipality_id` text NOT NULL,
	`form_id` text NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	PRIMARY KEY(`municipality_id`, `form_id`),
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`key`, `window_start`)
);
--> statement-breakpoint
CREATE TABLE `response_values` (
	`response_id` text NOT NULL,
	`question_id` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`response_id`, `question_id`, `value`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `response_values_question` ON `response_values` (`question_id`,`value`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`municipality_id` text NOT NULL,
	`form_id` text NOT NULL,
	`form_version` text NOT NULL,
	`language` text NOT NULL,
	`answers` text NOT NULL,
	`assisted` integer DEFAULT false NOT NULL,
	`assisted_role` text,
	`submitted_period` text NOT NULL,
	`submitted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_reference_unique` ON `responses` (`reference`);--> statement-breakpoint
CREATE INDEX `responses_form_period` ON `responses` (`municipality_id`,`form_id`,`submitted_period`);