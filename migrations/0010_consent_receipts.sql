CREATE TABLE `consent_receipt_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`public_key` text NOT NULL,
	`sealed_private_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer
);
--> statement-breakpoint
CREATE TABLE `consent_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`consent_id` text NOT NULL,
	`signature_id` text NOT NULL,
	`signer_id` text NOT NULL,
	`municipality_id` text NOT NULL,
	`key_id` text NOT NULL,
	`payload` text NOT NULL,
	`signature` text NOT NULL,
	`withdrawal_code_hash` text NOT NULL,
	`sealed_withdrawal_code` text NOT NULL,
	`issued_at` integer NOT NULL,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signature_id`) REFERENCES `consent_signatures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_receipts_signature_id_unique` ON `consent_receipts` (`signature_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `consent_receipts_withdrawal_code_hash_unique` ON `consent_receipts` (`withdrawal_code_hash`);