import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** A call made through the caller API, with the bearer token that is valid for it alone. */
export class ApiCall {
	constructor(
		private readonly api: APIRequestContext,
		readonly callId: string,
		readonly callerToken: string
	) {}

	private get auth() {
		return { authorization: `Bearer ${this.callerToken}` };
	}

	/** The status the caller sees (queued, offered, connected, wrap_up, ended, abandoned). */
	async status(): Promise<string> {
		const res = await this.api.get(`/api/v1/calls/${this.callId}`, { headers: this.auth });
		return ((await res.json()) as { status: string }).status;
	}

	/** The caller leaves (a waiting call is abandoned, a connected one ends). */
	async leave() {
		this.hangUpPhone();
		return this.api.delete(`/api/v1/calls/${this.callId}`, { headers: this.auth });
	}

	#beat: ReturnType<typeof setInterval> | undefined;

	/** The phone's page stays open: it beats like the real page does (every second here). */
	keepPageOpen() {
		clearInterval(this.#beat);
		const beat = () =>
			void this.api
				.post(`/api/v1/calls/${this.callId}/heartbeat`, { headers: this.auth })
				.catch(() => {});
		beat();
		this.#beat = setInterval(beat, 1000);
	}

	/** The phone's page goes away (closed, out of battery, out of network): no more beats. */
	hangUpPhone() {
		clearInterval(this.#beat);
	}
}

/** Callers on the mobile page, driven through the API; they all leave at the end of the test. */
export class Callers {
	private readonly calls: ApiCall[] = [];

	constructor(private readonly api: APIRequestContext) {}

	/** A caller on the phone joins the queue for `matterId` (普通话 unless told). */
	async phoneIn(
		matterId: number,
		extra: { elderly?: boolean; priorityLane?: 'none' | 'green'; language?: string } = {}
	): Promise<ApiCall> {
		const res = await this.api.post('/api/v1/calls', {
			data: { channel: 'mobile', matterId, language: 'zh', ...extra }
		});
		expect(res.status(), await res.text()).toBe(201);
		const body = (await res.json()) as { callId: string; callerToken: string };
		const call = new ApiCall(this.api, body.callId, body.callerToken);
		call.keepPageOpen();
		this.calls.push(call);
		return call;
	}

	/** Every caller of the test hangs up or leaves the queue. */
	async leaveAll() {
		for (const c of this.calls.splice(0)) await c.leave();
	}
}

/** The call a caller page is on, as it keeps it in localStorage for reloads. */
export async function savedCall(
	page: Page,
	channel: 'booth' | 'mobile'
): Promise<{ callId: string; token: string } | null> {
	const raw = await page.evaluate((k) => localStorage.getItem(k), `cw.caller.${channel}`);
	return raw ? (JSON.parse(raw) as { callId: string; token: string }) : null;
}

/** The call id the caller page is on. */
export async function currentCallId(page: Page, channel: 'booth' | 'mobile'): Promise<string> {
	const saved = await savedCall(page, channel);
	expect(saved, 'the caller page keeps its call').not.toBeNull();
	return saved!.callId;
}
