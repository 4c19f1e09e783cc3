import { bookedBySlot } from '../bookings/queries';
import {
	departmentIntervals,
	handleSecondsFor,
	historiesBetween,
	seatsFor
} from '../bookings/supply';
import type { Ctx } from '../context';
import { formatShanghai, instantOf } from '../schedule/hours';
import { seatsNeeded } from './erlang';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Weeks of history the forecast averages (the same weekday and hour of each). */
export const FORECAST_WEEKS = 4;

export interface StaffingRow {
	hour: number;
	forecast: number;
	booked: number;
	ahtSeconds: number;
	needed: number;
	rostered: number;
	serviceLevel: number;
	short: number;
}

/**
 * For each open hour of a date: arrivals forecast from the same weekday and hour of the last
 * four weeks plus the bookings already taken, the average handle time, and the seats needed for
 * the target (Erlang C, or Erlang A with a patience), against the seats on duty.
 */
export function staffingFor(
	ctx: Ctx,
	input: {
		departmentId: number;
		date: string;
		target: number;
		targetSeconds: number;
		patienceSeconds?: number;
	},
	now = Date.now()
): StaffingRow[] {
	const dayStart = instantOf(input.date, 0);
	const hours = new Set<number>();
	/** The extended sessions open in each hour (their seats are those rostered for them). */
	const sessionsByHour = new Map<number, Set<number>>();
	const regularHours = new Set<number>();
	for (const { span, sessionId } of departmentIntervals(ctx, input.departmentId, input.date))
		for (let h = Math.floor(span[0] / 60); h * 60 < span[1]; h++) {
			hours.add(h);
			if (sessionId === null) regularHours.add(h);
			else sessionsByHour.set(h, (sessionsByHour.get(h) ?? new Set()).add(sessionId));
		}
	if (!hours.size) return [];
	const counts = new Map<number, number>();
	const history = historiesBetween(ctx, dayStart - FORECAST_WEEKS * 7 * DAY_MS, dayStart);
	for (const c of history) {
		if (c.departmentId !== input.departmentId) continue;
		const offset = (c.arrivedAt - dayStart) % (7 * DAY_MS);
		const sinceMidnight = (offset + 7 * DAY_MS) % (7 * DAY_MS);
		if (sinceMidnight >= DAY_MS) continue; // another weekday
		const h = Math.floor(sinceMidnight / HOUR_MS);
		counts.set(h, (counts.get(h) ?? 0) + 1);
	}
	const booked = bookedBySlot(
		ctx.db,
		input.departmentId,
		formatShanghai(dayStart),
		formatShanghai(dayStart + DAY_MS)
	);
	const bookedByHour = new Map<number, number>();
	for (const [start, n] of booked) {
		const h = Math.floor((Date.parse(start) - dayStart) / HOUR_MS);
		bookedByHour.set(h, (bookedByHour.get(h) ?? 0) + n);
	}
	const aht = handleSecondsFor(ctx, input.departmentId, now);
	const serving = seatsFor(ctx, input.departmentId);
	const regularSeats = serving.on(input.date);
	/** Seats on duty in an hour: every skilled seat in regular hours, else the sessions' rostered ones. */
	const seatsIn = (hour: number) =>
		regularHours.has(hour)
			? regularSeats
			: Math.max(
					0,
					...[...(sessionsByHour.get(hour) ?? [])].map((id) => serving.on(input.date, id))
				);
	return [...hours]
		.sort((a, b) => a - b)
		.map((hour) => {
			const forecast = Math.round(((counts.get(hour) ?? 0) / FORECAST_WEEKS) * 10) / 10;
			const b = bookedByHour.get(hour) ?? 0;
			const demand = {
				calls: forecast + b,
				intervalSeconds: 3600,
				ahtSeconds: aht,
				targetSeconds: input.targetSeconds,
				patienceSeconds: input.patienceSeconds
			};
			const need = seatsNeeded(demand, input.target);
			const rostered = seatsIn(hour);
			return {
				hour,
				forecast,
				booked: b,
				ahtSeconds: Math.round(aht),
				needed: need.agents,
				rostered,
				serviceLevel: need.serviceLevel,
				short: Math.max(0, need.agents - rostered)
			};
		});
}
