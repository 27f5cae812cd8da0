/** One goal's line: `P1 ... : figure (goal ...) met` / `not met`. */
export interface GoalLine {
  readonly id: string;
  readonly what: string;
  readonly figure: string;
  readonly goal: string;
  readonly met: boolean;
}

export const goalLine = (line: GoalLine): string => `${line.id} ${line.what}: ${line.figure} (goal ${line.goal}) ${line.met ? 'met' : 'not met'}`;

/** A note when a run was scaled below the size a goal is stated for. */
export const scaledNote = (actual: number, goalSize: number, unit: string): string =>
  actual < goalSize ? ` [scaled run: ${actual.toLocaleString('en-US')} ${unit}; the goal is stated for ${goalSize.toLocaleString('en-US')}]` : '';
