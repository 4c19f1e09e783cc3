CREATE TABLE `booth_state_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`booth_id` integer NOT NULL,
	`state` text NOT NULL,
	`from_state` text,
	`at` text NOT NULL,
	FOREIGN KEY (`booth_id`) REFERENCES `booths`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `booth_state_log_at` ON `booth_state_log` (`at`);--> statement-breakpoint
CREATE INDEX `booth_state_log_booth` ON `booth_state_log` (`booth_id`,`at`);