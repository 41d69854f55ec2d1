CREATE TABLE `insight_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`group` text NOT NULL,
	`week` text NOT NULL,
	`form_id` text NOT NULL,
	`form_version` text NOT NULL,
	`answers` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `insight_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `insight_answers_round` ON `insight_answers` (`round_id`);--> statement-breakpoint
CREATE TABLE `insight_links` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`group` text NOT NULL,
	`code` text NOT NULL,
	`invited` integer,
	FOREIGN KEY (`round_id`) REFERENCES `insight_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `insight_links_code_unique` ON `insight_links` (`code`);--> statement-breakpoint
CREATE INDEX `insight_links_round` ON `insight_links` (`round_id`);--> statement-breakpoint
CREATE TABLE `insight_quotes` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`group` text NOT NULL,
	`question_id` text NOT NULL,
	`text` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	FOREIGN KEY (`round_id`) REFERENCES `insight_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `insight_quotes_round` ON `insight_quotes` (`round_id`,`status`);--> statement-breakpoint
CREATE TABLE `insight_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`name` text NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`closed_at` integer,
	`groups` text NOT NULL,
	`local_questions` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `insight_rounds_municipality` ON `insight_rounds` (`municipality_id`,`opens_on`);--> statement-breakpoint
ALTER TABLE `drafts` ADD `round_link_id` text;