import type { Db } from '@server/db/database';

/** Above every character codes use: `x <= s < x + HIGH` is "s starts with x", on an index. */
const HIGH = '\uffff';

/**
 * The provisional code to keep for a patient a desktop registered offline. Desktops make codes
 * from only a few characters of their client id, so two of them can make the same code: the
 * later patient then keeps `<code>-2` (or -3 …), still unique and still found by a search for
 * the code on its slip (searches match code prefixes). Registration never fails on it.
 */
export function freeProvisionalCode(db: Db, code: string): string {
  const variant = `${code}-`;
  const taken = new Set(
    db
      .all(
        db.q
          .selectFrom('patients')
          .select('provisionalCode')
          .where((eb) =>
            eb.or([
              eb('provisionalCode', '=', code),
              eb.and([eb('provisionalCode', '>=', variant), eb('provisionalCode', '<', variant + HIGH)]),
            ]),
          ),
      )
      .map((row) => row.provisionalCode),
  );
  if (!taken.has(code)) return code;
  // At most taken.size - 1 variants are taken, so one of these is free.
  let n = 2;
  while (n <= taken.size && taken.has(`${variant}${n}`)) n += 1;
  return `${variant}${n}`;
}
