import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { windowConditions, type HistoryWindow } from '../db/history';
import { appointments, boothStateLog, booths } from '../db/schema';

/** An appointment by id. */
export function appointmentById(db: Db, id: number) {
	return prepared(db, 'appointment.byId', () =>
		db
			.select()
			.from(appointments)
			.where(eq(appointments.id, sql.placeholder('id')))
			.prepare()
	).get({ id });
}

/** Records booth state changes (who saw them is the booth itself, or the offline sweep). */
export function logBoothStates(
	db: Pick<Db, 'insert'>,
	rows: { boothId: number; state: string; fromState: string | null; at: string }[]
): void {
	if (rows.length) db.insert(boothStateLog).values(rows).run();
}

/** Booth state changes for the audit viewer, newest first, with the booth's name. */
export function boothStateWindow(db: Db, f: HistoryWindow & { boothId?: number }) {
	return db
		.select({
			id: boothStateLog.id,
			boothId: boothStateLog.boothId,
			boothName: booths.name,
			state: boothStateLog.state,
			fromState: boothStateLog.fromState,
			at: boothStateLog.at
		})
		.from(boothStateLog)
		.innerJoin(booths, eq(booths.id, boothStateLog.boothId))
		.where(
			and(
				...windowConditions(boothStateLog.at, boothStateLog.id, f),
				f.boothId ? eq(boothStateLog.boothId, f.boothId) : undefined
			)
		)
		.orderBy(desc(boothStateLog.at), desc(boothStateLog.id))
		.limit(f.limit)
		.all();
}

/** The booths of some towns, as SQL over `booth_state_log` (for a supervisor's scope). */
export function boothLogInTowns(townIds: number[]): SQL {
	return townIds.length
		? sql`${boothStateLog.boothId} in (select ${booths.id} from ${booths} where ${booths.townId} in ${townIds})`
		: sql`0`;
}
