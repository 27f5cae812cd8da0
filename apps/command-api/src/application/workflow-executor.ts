import { chartStream, contactStream } from '@practice/events';
import { chartDecider, contactDecider, type Decider, type WorkflowStep } from '@practice/domain';
import type { CommandEnvelope } from './command-envelope';
import type { CommandResult, CommandRunner, RunOptions } from './command-runner';
import type { EmailReservations } from './email-reservations';

/** Executes the steps a workflow of libs/domain returns, in order; the main command's result is the answer. */
export const executeWorkflow = async <C, S>(
  runner: CommandRunner,
  reservations: EmailReservations,
  steps: readonly WorkflowStep[],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  mainCommand: { readonly decider: Decider<C, S, any>; readonly streamId: string; readonly command: C },
  envelope: CommandEnvelope,
  options: RunOptions = {},
  /** Told of each step once it is done (a caller that must undo a claim when a later step fails). */
  onDone: (step: WorkflowStep) => void = () => undefined,
): Promise<CommandResult<S, unknown>> => {
  let answer: CommandResult<S, unknown> | undefined;
  for (const step of steps) {
    switch (step.kind) {
      case 'main':
        answer = await runner.run(mainCommand.decider, mainCommand.streamId, mainCommand.command, envelope, options);
        break;
      case 'chart':
        await runner.run(chartDecider, chartStream(step.command.chartId), step.command, envelope);
        break;
      case 'contact':
        await runner.run(contactDecider, contactStream(step.command.contactId), step.command, envelope);
        break;
      case 'claimEmail':
        await reservations.reserve(step.scope, step.scopeId, step.email, step.ownerId, step.ownerRevision, envelope);
        break;
      case 'releaseEmail':
        await reservations.release(step.scope, step.scopeId, step.email, step.ownerId, envelope);
        break;
    }
    onDone(step);
  }
  return answer!;
};
