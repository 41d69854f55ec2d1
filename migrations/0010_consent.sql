CREATE TABLE `consent_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consent_id` text NOT NULL,
	`municipality_id` text NOT NULL,
	`kind` text NOT NULL,
	`signer_id` text,
	`service` text,
	`at` integer NOT NULL,
	`by` text NOT NULL,
	`note` text,
	`not_relevant` integer DEFAULT false NOT NULL,
	`subject` text,
	`period_from` integer,
	`period_until` integer,
	`signature_id` text,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_events_consent` ON `consent_events` (`consent_id`,`id`);--> statement-breakpoint
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
CREATE UNIQUE INDEX `consent_receipts_withdrawal_code_hash_unique` ON `consent_receipts` (`withdrawal_code_hash`);--> statement-breakpoint
CREATE TABLE `consent_service_lists` (
	`municipality_id` text NOT NULL,
	`version` integer NOT NULL,
	`services` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`municipality_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `consent_signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`consent_id` text NOT NULL,
	`signer_id` text NOT NULL,
	`method` text NOT NULL,
	`sealed_name` text NOT NULL,
	`sealed_child_name` text NOT NULL,
	`sealed_child_id` text NOT NULL,
	`child_id_hash` text NOT NULL,
	`sealed_document` text NOT NULL,
	`text_hash` text NOT NULL,
	`language` text NOT NULL,
	`signed_at` integer NOT NULL,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signer_id`) REFERENCES `consent_signers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_signatures_signer_id_unique` ON `consent_signatures` (`signer_id`);--> statement-breakpoint
CREATE TABLE `consent_signers` (
	`id` text PRIMARY KEY NOT NULL,
	`consent_id` text NOT NULL,
	`role` text NOT NULL,
	`scope` text NOT NULL,
	`ordinal` integer NOT NULL,
	`link_id` text,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_signers_link_id_unique` ON `consent_signers` (`link_id`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`case_reference` text NOT NULL,
	`service_list_version` integer NOT NULL,
	`services` text NOT NULL,
	`child_age` integer NOT NULL,
	`created_by` text NOT NULL,
	`unit_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`countersigned_by` text,
	`countersigned_at` integer
);
--> statement-breakpoint
CREATE INDEX `consents_case` ON `consents` (`municipality_id`,`case_reference`);--> statement-breakpoint
-- Added by hand: the consent log is evidence, as the audit log is; an event can be neither changed nor removed.
CREATE TRIGGER `consent_events_no_update` BEFORE UPDATE ON `consent_events`
BEGIN
  SELECT RAISE(ABORT, 'consent events cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `consent_events_no_delete` BEFORE DELETE ON `consent_events`
BEGIN
  SELECT RAISE(ABORT, 'consent events cannot be deleted');
END;
