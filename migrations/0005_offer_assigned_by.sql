ALTER TABLE `offers` ADD `assigned_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `offers` ADD `override` integer DEFAULT false NOT NULL;