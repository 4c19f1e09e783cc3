CREATE TABLE `follow_up_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`follow_up_id` integer NOT NULL,
	`step` text NOT NULL,
	`detail` text NOT NULL,
	`note` text,
	`actor_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_up_steps_case` ON `follow_up_steps` (`follow_up_id`,`id`);--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `appeal_decision` text;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `callback_tries` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `follow_ups_owner` ON `follow_ups` (`owner_id`,`status`);