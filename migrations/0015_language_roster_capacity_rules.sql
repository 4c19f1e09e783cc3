CREATE TABLE `capacity_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`session_id` integer,
	`capacity` integer NOT NULL,
	`updated_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `extended_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `capacity_rules_department` ON `capacity_rules` (`department_id`,`session_id`);--> statement-breakpoint
CREATE TABLE `language_roster` (
	`date` text NOT NULL,
	`schedule_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	PRIMARY KEY(`date`, `schedule_id`, `agent_id`),
	FOREIGN KEY (`schedule_id`) REFERENCES `schedules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `language_roster_agent_date` ON `language_roster` (`agent_id`,`date`);--> statement-breakpoint
-- Hand-written: one rule per matter group and session (regular hours: no session).
CREATE UNIQUE INDEX `capacity_rules_one` ON `capacity_rules` (`department_id`, coalesce(`session_id`, 0));--> statement-breakpoint
-- Hand-written: a change to a language roster reaches every process through ref_version.
CREATE TRIGGER `language_roster_insert_ref_version` AFTER INSERT ON `language_roster` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `language_roster_update_ref_version` AFTER UPDATE ON `language_roster` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `language_roster_delete_ref_version` AFTER DELETE ON `language_roster` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
