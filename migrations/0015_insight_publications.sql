CREATE TABLE `insight_publications` (
	`round_id` text PRIMARY KEY NOT NULL,
	`signature` text NOT NULL,
	`published_at` integer NOT NULL,
	`tables` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `insight_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
