import type { ObservationRepository } from './observation-repository';

/** The frozen results of a township's observations in a quarter (one query), as the ranking reads them. */
export type ObservationResultsReader = Pick<ObservationRepository, 'listResultsForTownshipQuarter'>;
