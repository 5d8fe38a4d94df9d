import type { CaseLetter } from '@chuangxing/shared';
import { fireEvent } from '@testing-library/react';
import { sessionStore } from '../../src/services/session-store';
import { makeCaseLetter, makeMe, makeSession, stationBinding } from './factories';

// The case page tests' station handler, its letter as the server sends it, and the action buttons.

/** What the server lists for the station on an accepted community letter. */
export const ACCEPTED: CaseLetter['actions'] = ['reply', 'transfer', 'note', 'schedule'];
export const asStation = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [stationBinding()] }) }));
export const caseReply = (partial: Partial<CaseLetter> = {}) => ({ status: 200, body: { letter: makeCaseLetter(partial) } });
export const actionLabels = (container: HTMLElement) => Array.from(container.querySelectorAll('.cx-case-action')).map((e) => e.textContent);
export const action = (container: HTMLElement, label: string) =>
  Array.from(container.querySelectorAll<HTMLElement>('.cx-case-action')).find((e) => e.textContent === label) as HTMLElement;
export const confirm = (container: HTMLElement) => fireEvent.click(container.querySelector('.cx-case-confirm') as HTMLElement);
