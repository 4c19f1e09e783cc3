import type { StaffUser } from '$lib/server/auth/auth';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			user: StaffUser | null;
			booth: { id: number; name: string; townId: number } | null;
			locale: Locale;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
