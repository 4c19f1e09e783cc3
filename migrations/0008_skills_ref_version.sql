-- Agents' skills join the reference data: the wall's seats are read once per change, not per snapshot.
CREATE TRIGGER `agent_skills_insert_ref_version` AFTER INSERT ON `agent_skills` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `agent_skills_update_ref_version` AFTER UPDATE ON `agent_skills` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `agent_skills_delete_ref_version` AFTER DELETE ON `agent_skills` BEGIN UPDATE `ref_version` SET `v` = `v` + 1 WHERE `id` = 1; END;
