ALTER TABLE `municipalities` ADD `dpo_contact` text;--> statement-breakpoint
ALTER TABLE `memberships` ADD `reads_answers` integer DEFAULT false NOT NULL;