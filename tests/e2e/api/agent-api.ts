import { expect, type APIRequestContext } from '@playwright/test';

/** An agent working through the HTTP API, as a seat on another computer does. */
export class AgentApi {
	constructor(readonly api: APIRequestContext) {}

	/** The agent is ready to take calls. */
	async goAvailable() {
		const res = await this.api.put('/api/v1/agent/state', { data: { state: 'available' } });
		expect(res.status(), await res.text()).toBe(200);
	}

	/** Waits until `callId` rings at this agent; returns the offer's id. */
	private async offerOf(callId: string): Promise<string> {
		let offerId: string | null = null;
		await expect
			.poll(
				async () => {
					const r = await this.api.get('/api/v1/agent/offer');
					if (r.status() !== 200) return null;
					const offer = (await r.json()) as { offerId: string; callId: string };
					offerId = offer.offerId;
					return offer.callId;
				},
				{ timeout: 15_000 }
			)
			.toBe(callId);
		return offerId!;
	}

	/** Waits for the offer of `callId` and accepts it; returns when connected. */
	async acceptCall(callId: string) {
		const offerId = await this.offerOf(callId);
		const acc = await this.api.post(`/api/v1/offers/${offerId}/accept`);
		expect(acc.status(), await acc.text()).toBe(200);
	}

	/** Waits for the offer of `callId` and lets it pass (declines it). */
	async declineCall(callId: string) {
		const offerId = await this.offerOf(callId);
		const res = await this.api.post(`/api/v1/offers/${offerId}/decline`);
		expect(res.status(), await res.text()).toBeLessThan(300);
	}

	/** The call as staff see it. */
	async call(callId: string): Promise<{ status: string }> {
		return (await this.api.get(`/api/v1/calls/${callId}`)).json();
	}

	/** The agent ends the call (it goes to wrap-up). */
	async endCall(callId: string) {
		return this.api.post(`/api/v1/calls/${callId}/end`);
	}

	/** The agent records an outcome ("information only" unless told). */
	async wrapUp(callId: string, outcome = 'info') {
		return this.api.post(`/api/v1/calls/${callId}/wrap-up`, {
			data: { outcome, mailResults: false }
		});
	}

	/** Tries to rate the call (staff may not). */
	async rate(callId: string, score: number) {
		return this.api.post(`/api/v1/calls/${callId}/rating`, { data: { score } });
	}

	/**
	 * End of a test: any call still with this agent is ended and wrapped up, then the agent goes
	 * offline, so no later test's call can reach it.
	 */
	async signOff() {
		for (let attempt = 0; attempt < 3; attempt++) {
			const desk = await this.api.get('/api/v1/agent/desk');
			if (desk.status() !== 200) return;
			const { liveCallId, pendingWrapUps } = (await desk.json()) as {
				liveCallId: string | null;
				pendingWrapUps: string[];
			};
			if (liveCallId) await this.endCall(liveCallId);
			for (const id of new Set([...(liveCallId ? [liveCallId] : []), ...pendingWrapUps]))
				await this.wrapUp(id);
			const off = await this.api.put('/api/v1/agent/state', { data: { state: 'offline' } });
			if (off.status() === 200) return;
		}
		throw new Error('the agent could not be signed off');
	}
}
