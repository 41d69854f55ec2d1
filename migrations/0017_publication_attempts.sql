CREATE TABLE `insight_publication_attempts` (
	`round_id` text PRIMARY KEY NOT NULL,
	`signature` text NOT NULL,
	`started_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `insight_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
