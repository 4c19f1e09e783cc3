ALTER TABLE `follow_ups` ADD `verified_at` text;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `rectified_at` text;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `fed_back_at` text;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `callback_satisfied` integer;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `closed_at` text;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `follow_ups_created` ON `follow_ups` (`created_at`);