import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Ctx } from '../context';
import { tooMany } from '../errors';
import { opaqueKey } from '../privacy';

/**
 * Counts an anonymous mobile call attempt from one address; 429 once the address has used up
 * MOBILE_CALL_LIMIT within MOBILE_CALL_LIMIT_SECONDS (the attempt then changes nothing).
 */
export async function limitMobileCall(ctx: Ctx, ip: string): Promise<void> {
	try {
		await ctx.limiters.mobileCall.consume(opaqueKey('ip', ip));
	} catch (e) {
		if (!(e instanceof RateLimiterRes)) throw e;
		const wait = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
		throw tooMany(
			`Too many calls from this network. Try again in ${Math.ceil(wait / 60)} min.`,
			wait
		);
	}
}
