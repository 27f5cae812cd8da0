import { serviceCatalogueStream } from '@practice/events';
import { serviceCatalogueDecider, type CatalogueSnapshot } from '@practice/domain';
import type { CommandRunner } from '../application/command-runner';

/** The practice's service catalogue as its stream says now: what a chart command checks service ids against. */
export const catalogueOf = async (runner: CommandRunner, practiceId: string): Promise<CatalogueSnapshot> =>
  (await runner.load(serviceCatalogueDecider, serviceCatalogueStream(practiceId))).state.services;
