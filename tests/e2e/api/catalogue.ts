import { expect, type APIRequestContext } from '@playwright/test';

/** A matter as the public catalogue API returns it. */
export interface Matter {
	id: number;
	name: string;
	nameEn: string;
	departmentId: number;
	departmentName: string;
}

/** The matter catalogue (reference data), looked up by name through the public API. */
export class Catalogue {
	constructor(private readonly api: APIRequestContext) {}

	/** The matter called exactly `name`. */
	async matter(name: string): Promise<Matter> {
		const res = await this.api.get('/api/v1/matters', { params: { q: name, limit: 50 } });
		expect(res.status()).toBe(200);
		const found = ((await res.json()).matters as Matter[]).find((m) => m.name === name);
		expect(found, `matter ${name} in the catalogue`).toBeTruthy();
		return found!;
	}
}
