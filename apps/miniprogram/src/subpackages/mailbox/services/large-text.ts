/** 大字 is app-wide (services/text-size.ts): the mailbox pages keep their own switch, which sets the same choice. */
export { useLargeText } from '../../../services/text-size';

/** The page root's classes beside PageRoot's: `mailbox--large` scales the mailbox's own parts in 大字. */
export function mailboxClass(base: string, large: boolean): string {
  return `mailbox ${base}${large ? ' mailbox--large' : ''}`;
}
