import { failure } from '@shared/contract/errors';
import { readsPushRequestSchema } from '@shared/contract/sync.contract';
import type { Actor } from '@shared/domain/user.schema';
import type { HubCore } from '@server/core/hub-core';
import { parseMessage } from './wire';

/**
 * `sync.reads`: a desktop serves reads from its replica, so the reads of medical content it
 * served (consultations, prescriptions…) reach the audit log this way (docs/architecture.md (Security invariants)). Each is audited
 * under the sending session's user, role and device, never under what the payload says, once
 * per id whatever the number of resends; all of a message in one durable transaction.
 */
export async function recordReplicaReads(
  core: HubCore,
  actor: Actor,
  clientId: string | null,
  rawRequest: unknown,
): Promise<{ recorded: string[] }> {
  const request = parseMessage(readsPushRequestSchema, rawRequest, 'sync.reads');
  if (actor.role === 'patient') throw failure('FORBIDDEN', 'Only staff desktops keep a replica.');
  const { db } = core;
  const claim = db.sqlite.prepare(
    'INSERT INTO replica_reads (id, clientId, recordedAt) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  return core.writes.run(() =>
    db.transaction(() => {
      const recordedAt = core.clock.now().toISOString();
      for (const read of request.reads) {
        if (claim.run(read.id, clientId, recordedAt).changes === 0) continue; // audited before
        core.audit.append({
          at: read.at,
          actorUserId: actor.userId,
          actorRole: actor.role,
          deviceId: actor.deviceId,
          kind: 'read',
          action: read.action,
          entity: read.entity,
          entityId: read.entityId,
          patientId: read.patientId,
          details: { ...read.details, servedFrom: 'desktop replica', recordedAt },
        });
      }
      return { recorded: request.reads.map((read) => read.id) };
    }),
  );
}
