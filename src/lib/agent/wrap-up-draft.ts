/**
 * The wrap-up form's draft, kept in the browser's storage per call so that a reload (or a crash
 * of the tab) loses nothing the agent entered; cleared once the outcome is recorded. Drafts older
 * than a day are dropped.
 */
export interface WrapUpDraft {
	outcome: string;
	corrected: { id: number; name: string } | null;
	text: string;
	mail: boolean;
	address: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'cw.wrapUpDraft.';
const MAX_AGE_MS = 24 * 3600 * 1000;

/** The storage the drafts live in, or null where there is none (server rendering, private mode). */
export function draftStore(): Store | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** The draft of one call, if one was saved and is well formed. */
export function loadDraft(store: Store | null, callId: string): WrapUpDraft | null {
	const raw = store?.getItem(PREFIX + callId);
	if (!raw) return null;
	try {
		const d = JSON.parse(raw) as Partial<WrapUpDraft> & { savedAt?: number };
		if (typeof d.savedAt !== 'number' || Date.now() - d.savedAt > MAX_AGE_MS) return null;
		return {
			outcome: typeof d.outcome === 'string' ? d.outcome : '',
			corrected:
				d.corrected && typeof d.corrected.id === 'number' && typeof d.corrected.name === 'string'
					? { id: d.corrected.id, name: d.corrected.name }
					: null,
			text: typeof d.text === 'string' ? d.text : '',
			mail: d.mail === true,
			address: typeof d.address === 'string' ? d.address : ''
		};
	} catch {
		return null;
	}
}

/** Saves the draft of one call (a full storage only loses the draft, never the form). */
export function saveDraft(
	store: Store | null,
	callId: string,
	draft: WrapUpDraft,
	now = Date.now()
) {
	try {
		store?.setItem(PREFIX + callId, JSON.stringify({ ...draft, savedAt: now }));
	} catch {
		// quota or privacy mode: the form itself still works
	}
}

/** Forgets the draft of a call whose outcome is recorded. */
export function clearDraft(store: Store | null, callId: string): void {
	store?.removeItem(PREFIX + callId);
}

/** Drops drafts older than a day (a call that was never wrapped up on this machine). */
export function pruneDrafts(store: Store | null, now = Date.now()): void {
	if (!store) return;
	const old: string[] = [];
	for (let i = 0; i < store.length; i++) {
		const k = store.key(i);
		if (!k?.startsWith(PREFIX)) continue;
		try {
			const savedAt = (JSON.parse(store.getItem(k) ?? '{}') as { savedAt?: number }).savedAt;
			if (typeof savedAt !== 'number' || now - savedAt > MAX_AGE_MS) old.push(k);
		} catch {
			old.push(k);
		}
	}
	for (const k of old) store.removeItem(k);
}
