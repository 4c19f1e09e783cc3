import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { appointments } from '../db/schema';

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
