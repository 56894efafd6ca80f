CREATE TABLE `evaluation_social_workers` (
	`user_id` integer NOT NULL,
	`evaluation_id` integer NOT NULL,
	`date` text NOT NULL,
	PRIMARY KEY(`user_id`, `date`, `evaluation_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action
);
