/** Dataset versions are semver strings: a new generation under a versioned name bumps the minor, edits bump the patch. */
const parse = (version: string): [number, number, number] => {
  const [major = 1, minor = 0, patch = 0] = version.split('.').map(Number);
  return [major, minor, patch];
};

export const bumpPatch = (version: string): string => {
  const [major, minor, patch] = parse(version);
  return `${major}.${minor}.${patch + 1}`;
};

/** The version of the next generation under a versioned name, given the versions that exist already. */
export const nextMinorVersion = (existing: readonly string[]): string => {
  if (existing.length === 0) return '1.0.0';
  const highest = existing.map(parse).sort((a, b) => b[0] - a[0] || b[1] - a[1])[0];
  return `${highest[0]}.${highest[1] + 1}.0`;
};
