/**
 * The fields of a partial update that were actually given (undefined means "leave as it is").
 */
export function givenFields<T extends object>(details: T): Partial<T> {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined)) as Partial<T>;
}
