import { type ApiFailure, failure } from '@shared/contract/errors';

/** `patients.provisionalCode, patients.x` → ['provisionalCode', 'x']. */
function columnsOf(list: string): string[] {
  return list
    .split(',')
    .map((name) => name.trim().split('.').pop() ?? '')
    .filter(Boolean);
}

/**
 * A database constraint failure (better-sqlite3's SQLITE_CONSTRAINT_*) as an error the user can
 * act on, naming the field, never INTERNAL; null when `error` is not one. Handlers check their
 * rules first; this covers what only the database caught (e.g. a unique value taken by a change
 * another desktop made). Called through refusalOf (db-refusals.ts), which turns the claim tables'
 * failures into SLOT_TAKEN / PATIENT_OVERLAP first.
 */
export function constraintFailure(error: unknown): ApiFailure | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT') || typeof message !== 'string') {
    return null;
  }
  const detail = message.slice(message.indexOf(':') + 1).trim();
  switch (code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY': {
      const fields = columnsOf(detail);
      return failure(
        'CONFLICT',
        `Another record already has this ${fields.join(' and ')}; nothing was saved.`,
        {
          fields: fields.map((field) => ({ field, message: 'is already used by another record' })),
        },
      );
    }
    case 'SQLITE_CONSTRAINT_NOTNULL': {
      const fields = columnsOf(detail);
      return failure('VALIDATION', `Please correct: ${fields.join(', ')}`, {
        fields: fields.map((field) => ({ field, message: 'is required' })),
      });
    }
    case 'SQLITE_CONSTRAINT_CHECK': {
      // The constraint's name or expression: its first word names the column.
      const field = /[A-Za-z_][A-Za-z0-9_]*/.exec(detail)?.[0] ?? 'value';
      return failure('VALIDATION', `Please correct: ${field}`, {
        fields: [{ field, message: 'is not an allowed value' }],
      });
    }
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      // SQLite does not say which reference failed.
      return failure('VALIDATION', 'This change refers to a record that does not exist; nothing was saved.');
    default:
      return null;
  }
}
