import { describe, expect, it } from 'vitest';
import type { OperationName } from '@shared/contract/index';
import { syncedEntities } from '@shared/contract/sync.contract';
import { roleSchema } from '@shared/domain/common.schema';
import { type OwnResource, ownRules, ownTargets } from './own-scope';
import { permissionPolicy } from './policy';
import { visibilityPolicy } from './visibility';

const roles = roleSchema.options;
const operations = Object.keys(permissionPolicy) as OperationName[];

/** Operations and roles whose grant is 'own'. */
function ownGrants(): { operation: OperationName; role: (typeof roles)[number] }[] {
  return operations.flatMap((operation) => {
    const grant = permissionPolicy[operation];
    if (grant === 'public') return [];
    return roles.filter((role) => grant[role] === 'own').map((role) => ({ operation, role }));
  });
}

describe('the own scope covers the policy', () => {
  it('gives every operation granted with own a target, and its resource a rule for that role', () => {
    const missing = ownGrants()
      .filter(({ operation, role }) => {
        const target = ownTargets[operation];
        return !target || (target !== 'self' && !ownRules[target][role]);
      })
      .map(({ operation, role }) => `${operation} (${role})`);
    expect(missing).toEqual([]);
  });

  it('names no operation that no role uses with own scope (no stale entries)', () => {
    const owned = new Set(ownGrants().map(({ operation }) => operation));
    expect(Object.keys(ownTargets).filter((operation) => !owned.has(operation as OperationName))).toEqual([]);
  });

  it('gives every synced table a role holds own rows of a rule for that role', () => {
    const missing = syncedEntities.flatMap((entity) =>
      roles
        .filter((role) => visibilityPolicy[entity][role].rows === 'own' && !ownRules[entity][role])
        .map((role) => `${entity} (${role})`),
    );
    expect(missing).toEqual([]);
  });

  it('owns through parents that have a rule for the same role', () => {
    for (const resource of Object.keys(ownRules) as OwnResource[]) {
      for (const [role, rule] of Object.entries(ownRules[resource])) {
        if ('via' in rule) expect(ownRules[rule.via][role as (typeof roles)[number]], resource).toBeDefined();
      }
    }
  });
});
