/**
 * The fields of a stored type, checked at compile time to be all of them: an entity stores only its declared
 * fields, so a field added to the type and not listed here would be dropped on write. It does not compile
 * instead (the call then wants a second argument naming the missing fields).
 */
export function everyField<T>() {
  return <const F extends readonly (keyof T & string)[]>(
    fields: F,
    ..._missing: [Exclude<keyof T, F[number]>] extends [never] ? [] : [missing: Exclude<keyof T, F[number]>]
  ): F => fields;
}
