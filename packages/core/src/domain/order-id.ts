// Order ids such as `noise_1234-57` are built here as flat strings. A template literal or `+`
// gives V8 a ConsString (a pair of pointers) once the result reaches 13 characters, which with
// thousands of agents is every id; its first hash (as a Map key) then flattens it into a second
// string. That is two more objects and a copy per order, and it happens only in large markets.
// Array join writes the characters once, into one flat string.

/** Reused by every call: join never runs user code, so no call can interleave with another. */
const parts: [string, string, number] = ['', '', 0];

/** `${prefix}${separator}${n}` as one flat string, e.g. `orderIdOf('noise_1234', '-', 57)` is `noise_1234-57`. */
export function orderIdOf(prefix: string, separator: string, n: number): string {
  parts[0] = prefix;
  parts[1] = separator;
  parts[2] = n;
  const id = parts.join('');
  // Let go of the prefix: the array must not keep a replaced agent's id alive.
  parts[0] = '';
  return id;
}
