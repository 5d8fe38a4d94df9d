import type { PersonCard, UserRepository } from './user-repository';

export type { PersonCard } from './user-repository';

/** What other features read of people: a user's profile and bindings, and the bindings in a scope. */
export type BindingReader = Pick<UserRepository, 'getUser' | 'listBindings'>;

/**
 * People's current names, for every read that shows who did something (edit history, comments, updates,
 * findings, notes, authors, observers): records keep the actor's id, and the name shown is the one the person
 * has now, so a corrected name shows everywhere at once.
 */
export type PeopleReader = Pick<UserRepository, 'peopleOf'>;

/** Resolves ids to names: the person's current name, else the name stored with the record (a seed label, a removed account). */
export type NameOf = (userId: string | undefined, stored: string) => string;

export const namesFrom =
  (people: ReadonlyMap<string, PersonCard>): NameOf =>
  (userId, stored) =>
    (userId && people.get(userId)?.displayName) || stored;

/** One batch read for every id the response names. */
export async function nameResolver(reader: PeopleReader, userIds: Iterable<string | undefined>): Promise<NameOf> {
  const ids = [...userIds].filter((id): id is string => Boolean(id));
  return namesFrom(ids.length ? await reader.peopleOf(ids) : new Map());
}
