import type { Selectable } from 'kysely';
import type { LeaveRequest, LeaveRequestStatus } from '@shared/domain/leave-request.schema';
import type { Db } from '@server/db/database';
import type { LeaveRequestTable } from '@server/db/care-tables';

/** Leave requests of the hub database (hub-only, never synced), with the names a screen shows. */

const ROLE_WORDS: Record<string, string> = {
  admin: 'admin',
  receptionist: 'reception',
  doctor: 'doctor',
  nurse: 'nurse',
  patient: 'patient',
};

function selectRequests(db: Db) {
  return db.q
    .selectFrom('leave_requests as r')
    .innerJoin('doctors as d', 'd.id', 'r.doctorId')
    .leftJoin('users as u', 'u.id', 'r.decidedBy')
    .selectAll('r')
    .select(['d.fullName as doctorName', 'u.displayName as deciderDisplayName', 'u.role as deciderRole']);
}

type Row = Selectable<LeaveRequestTable> & {
  doctorName: string;
  deciderDisplayName: string | null;
  deciderRole: string | null;
};

function toLeaveRequest(row: Row): LeaveRequest {
  const { deciderDisplayName, deciderRole, requestedBy: _by, window, ...rest } = row;
  return {
    ...rest,
    window: window ? (JSON.parse(window) as LeaveRequest['window']) : null,
    deciderName: deciderDisplayName
      ? `${deciderDisplayName} (${ROLE_WORDS[deciderRole ?? ''] ?? deciderRole})`
      : null,
  };
}

export function findLeaveRequest(db: Db, id: string): LeaveRequest | null {
  const row: Row | undefined = db.first(selectRequests(db).where('r.id', '=', id));
  return row ? toLeaveRequest(row) : null;
}

export function listLeaveRequests(
  db: Db,
  filter: { doctorId?: string | undefined; status?: LeaveRequestStatus | undefined },
): LeaveRequest[] {
  let query = selectRequests(db);
  if (filter.doctorId) query = query.where('r.doctorId', '=', filter.doctorId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  const rows = db.all(query.orderBy('r.createdAt', 'desc').limit(500)) as Row[];
  return rows.map(toLeaveRequest);
}

/** A doctor's pending or approved requests whose dates meet [fromDate, toDate]. */
export function overlappingRequests(
  db: Db,
  doctorId: string,
  fromDate: string,
  toDate: string,
): LeaveRequest[] {
  const rows = db.all(
    selectRequests(db)
      .where('r.doctorId', '=', doctorId)
      .where('r.status', 'in', ['pending', 'approved'])
      .where('r.fromDate', '<=', toDate)
      .where('r.toDate', '>=', fromDate),
  ) as Row[];
  return rows.map(toLeaveRequest);
}

export function decideLeaveRequest(
  db: Db,
  id: string,
  decision: { status: LeaveRequestStatus; decidedBy: string; decidedAt: string; decisionNote: string },
): void {
  db.run(
    db.q.updateTable('leave_requests').set(decision).where('id', '=', id).where('status', '=', 'pending'),
  );
}
