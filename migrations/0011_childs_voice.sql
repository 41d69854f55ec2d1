ALTER TABLE `municipalities` ADD `help_contact` text;--> statement-breakpoint
ALTER TABLE `drafts` ADD `flagged` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `responses` ADD `flagged` integer DEFAULT false NOT NULL;