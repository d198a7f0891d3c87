/**
 * The `facts.instanceTypes` entry of an instance family whose size AWS chooses (AWS Batch `instance_type: p5`):
 * unresolved (`${…}`, see `isUnresolved`) like any type costgate cannot read, and read back by `instanceFamilyOf`
 * so the instance-types policy can still match it against family and type lists.
 */
export function instanceFamilyEntry(family: string): string {
  return `\${${family} family, size chosen by AWS Batch}`;
}

/** The family of an `instanceFamilyEntry` (`p5`), else undefined. */
export function instanceFamilyOf(entry: string): string | undefined {
  return /^\$\{([a-z0-9-]+) family, size chosen by AWS Batch\}$/.exec(entry)?.[1];
}
