CREATE TABLE `outbox_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text,
	`channel` text NOT NULL,
	`recipient` text,
	`subject` text,
	`body` text,
	`subject_ref` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_messages_due` ON `outbox_messages` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_messages_subject` ON `outbox_messages` (`subject_ref`,`created_at`);