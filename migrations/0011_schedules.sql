CREATE TABLE `extended_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`weekday` integer NOT NULL,
	`intervals` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `roster_entries` (
	`date` text NOT NULL,
	`session_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	PRIMARY KEY(`date`, `session_id`, `agent_id`),
	FOREIGN KEY (`session_id`) REFERENCES `extended_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `roster_agent_date` ON `roster_entries` (`agent_id`,`date`);--> statement-breakpoint
CREATE TABLE `schedule_assignments` (
	`kind` text NOT NULL,
	`ref` text NOT NULL,
	`schedule_id` integer NOT NULL,
	PRIMARY KEY(`kind`, `ref`),
	FOREIGN KEY (`schedule_id`) REFERENCES `schedules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `schedules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`pattern` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `schedules_name_unique` ON `schedules` (`name`);--> statement-breakpoint
CREATE TABLE `session_matters` (
	`session_id` integer NOT NULL,
	`matter_id` integer NOT NULL,
	PRIMARY KEY(`session_id`, `matter_id`),
	FOREIGN KEY (`session_id`) REFERENCES `extended_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`matter_id`) REFERENCES `matters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `schedule_exceptions` ADD `weekday` integer;--> statement-breakpoint
ALTER TABLE `schedule_exceptions` ADD `intervals` text;--> statement-breakpoint
ALTER TABLE `schedule_exceptions` ADD `source` text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE `schedule_exceptions` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Hand-written (keep at the end): schedules, sessions and rosters join the reference data, so every process sees an edit at once.
CREATE TRIGGER `schedules_insert_ref_version` AFTER INSERT ON `schedules` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `schedules_update_ref_version` AFTER UPDATE ON `schedules` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `schedules_delete_ref_version` AFTER DELETE ON `schedules` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `schedule_assignments_insert_ref_version` AFTER INSERT ON `schedule_assignments` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `schedule_assignments_update_ref_version` AFTER UPDATE ON `schedule_assignments` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `schedule_assignments_delete_ref_version` AFTER DELETE ON `schedule_assignments` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `extended_sessions_insert_ref_version` AFTER INSERT ON `extended_sessions` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `extended_sessions_update_ref_version` AFTER UPDATE ON `extended_sessions` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `extended_sessions_delete_ref_version` AFTER DELETE ON `extended_sessions` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `session_matters_insert_ref_version` AFTER INSERT ON `session_matters` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `session_matters_update_ref_version` AFTER UPDATE ON `session_matters` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `session_matters_delete_ref_version` AFTER DELETE ON `session_matters` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `roster_entries_insert_ref_version` AFTER INSERT ON `roster_entries` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `roster_entries_update_ref_version` AFTER UPDATE ON `roster_entries` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `roster_entries_delete_ref_version` AFTER DELETE ON `roster_entries` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
