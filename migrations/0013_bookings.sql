CREATE TABLE `booking_capacity` (
	`department_id` integer NOT NULL,
	`slot_start` text NOT NULL,
	`capacity` integer NOT NULL,
	`updated_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`department_id`, `slot_start`),
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `appointments` ADD `code` text;--> statement-breakpoint
ALTER TABLE `appointments` ADD `token_hash` text;--> statement-breakpoint
ALTER TABLE `appointments` ADD `checked_in_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_code` ON `appointments` (`code`);