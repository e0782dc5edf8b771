/**
 * A translation has exactly the English text's keys, with any string as each value: a key missing
 * from Hindi (or one Hindi has that English lacks) fails the type check, not a patient's screen.
 */
export type Translation<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
