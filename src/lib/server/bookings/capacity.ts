/** Pure rules of booking capacity and slots. */

/**
 * Places in one slot: the seats serving the matter group, each handling slot length ÷ average
 * handle time callers (rounded down: a place must be servable within the slot).
 */
export function slotCapacity(seats: number, slotMinutes: number, ahtSeconds: number): number {
	if (seats <= 0 || ahtSeconds <= 0) return 0;
	return Math.floor((seats * slotMinutes * 60) / ahtSeconds + 1e-9);
}

/**
 * The whole slots of `slotMinutes` inside a day's open intervals (minutes of the day); a slot
 * never straddles a break (09:00–12:00, 13:00–17:00 gives no 11:45–12:15).
 */
export function slotsIn(intervals: [number, number][], slotMinutes: number): [number, number][] {
	const out: [number, number][] = [];
	for (const [a, b] of intervals) {
		for (let s = a; s + slotMinutes <= b; s += slotMinutes) out.push([s, s + slotMinutes]);
	}
	return out;
}
