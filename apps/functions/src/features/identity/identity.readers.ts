import type { UserRepository } from './user-repository';

/** What other features read of people: a user's profile and bindings, and the bindings in a scope. */
export type BindingReader = Pick<UserRepository, 'getUser' | 'listBindings'>;
