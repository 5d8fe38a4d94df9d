import { LARGE_TEXT_CLASS } from '../../../services/text-size';

/** 大字 is app-wide (services/text-size.ts): the mailbox pages keep their own switch, which sets the same choice. */
export { useLargeText } from '../../../services/text-size';

/** The page root: `mailbox--large` scales the mailbox's own parts; `cx-large` the shared ones (app.css), also in weapp. */
export function pageClass(base: string, large: boolean): string {
  return `cx-page mailbox ${base}${large ? ` mailbox--large ${LARGE_TEXT_CLASS}` : ''}`;
}
