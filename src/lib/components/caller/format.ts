/** An ISO time with offset as "YYYY-MM-DD HH:MM" in that offset (Asia/Shanghai for the console). */
export function localTime(iso: string): string {
	return iso.slice(0, 16).replace('T', ' ');
}
