// Linux threads as /proc shows them, for the tests of the background pass's priority (cli/priority.ts).

/** The niceness of a thread from its /proc stat line (field 19; the command name in parentheses may hold spaces). */
export function nicenessOf(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}
