import type { RemotePerson } from './call-room.svelte';

/** The title a barging supervisor's token carries before their name (see server video/tokens). */
const TITLE = '值班长 ';

/**
 * The duty supervisors who joined a call visibly (barged in), by name without their title, so
 * each page can title them in its own language. Hidden (listening, whispering) supervisors are
 * never in a room's participant list.
 */
export function officialsIn(remotes: RemotePerson[]): string[] {
	return remotes
		.filter((p) => p.identity.startsWith('barge-'))
		.map((p) => (p.name.startsWith(TITLE) ? p.name.slice(TITLE.length) : p.name).trim());
}
