CREATE TABLE `ref_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`v` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `ref_version` (`id`, `v`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `matters_insert_ref_version` AFTER INSERT ON `matters` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `matters_update_ref_version` AFTER UPDATE ON `matters` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `matters_delete_ref_version` AFTER DELETE ON `matters` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `departments_insert_ref_version` AFTER INSERT ON `departments` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `departments_update_ref_version` AFTER UPDATE ON `departments` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `departments_delete_ref_version` AFTER DELETE ON `departments` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `languages_insert_ref_version` AFTER INSERT ON `languages` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `languages_update_ref_version` AFTER UPDATE ON `languages` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `languages_delete_ref_version` AFTER DELETE ON `languages` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `towns_insert_ref_version` AFTER INSERT ON `towns` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `towns_update_ref_version` AFTER UPDATE ON `towns` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `towns_delete_ref_version` AFTER DELETE ON `towns` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_insert_ref_version` AFTER INSERT ON `settings` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_update_ref_version` AFTER UPDATE ON `settings` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_delete_ref_version` AFTER DELETE ON `settings` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `schedule_exceptions_insert_ref_version` AFTER INSERT ON `schedule_exceptions` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `schedule_exceptions_update_ref_version` AFTER UPDATE ON `schedule_exceptions` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `schedule_exceptions_delete_ref_version` AFTER DELETE ON `schedule_exceptions` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `booths_insert_ref_version` AFTER INSERT ON `booths` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `booths_update_ref_version` AFTER UPDATE OF name, town_id, active ON `booths` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `booths_delete_ref_version` AFTER DELETE ON `booths` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
